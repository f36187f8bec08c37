"""Draws a phone photo of a 结业证书 for the end-to-end tests: the certificate's lines in the bundled
宋体-like font on off-white paper and its verification QR code, turned a few degrees, lit unevenly, slightly blurred and noisy,
saved as a JPEG. `python3 make_photo.py OUT.jpg` writes one; `LINES` and the values the tests expect
are here."""

import random
import sys
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(__file__).parents[2] / "fonts" / "NotoSerifCJKsc-Regular-GB2312.otf"

TITLE = "中小学教师人工智能应用能力提升研修班"
NUMBER = "HNJS-2025-0417"
# The verification link of its QR code: on a platform that the 2026 notice's 附件1 lists.
LINK = f"https://sypx.csu.edu.cn/zs/verify?no={NUMBER}"
LINES = [
    ("结业证书", 64),
    ("学员姓名：张晓红", 34),
    ("于2025年4月8日至4月10日参加", 34),
    (f"“{TITLE}”", 34),
    ("学习，完成培训24学时，考核合格，特发此证。", 34),
    (f"证书编号：{NUMBER}", 30),
    ("湖南省教育科学研究院", 30),
    ("2025年4月10日", 30),
]


def certificate_photo(path, seed=7):
    rng = random.Random(seed)
    page = Image.new("RGB", (1400, 1000), (246, 243, 232))
    draw = ImageDraw.Draw(page)
    draw.rectangle((30, 30, 1370, 970), outline=(170, 40, 40), width=6)
    y = 90
    for text, size in LINES:
        font = ImageFont.truetype(str(FONT), size)
        width = draw.textlength(text, font=font)
        x = (1400 - width) / 2 if size > 40 else 140
        draw.text((x, y), text, font=font, fill=(25, 25, 25))
        y += size + (60 if size > 40 else 38)
    code = qrcode.make(LINK, box_size=6, border=2).get_image().convert("RGB")
    page.paste(code, (1400 - 80 - code.width, 1000 - 70 - code.height))
    # Held by hand: turned a little, on a darker desk.
    photo = page.rotate(3.5, resample=Image.BICUBIC, expand=True, fillcolor=(90, 80, 70))
    # Light from the right: darker towards the left.
    w, h = photo.size
    shade = Image.linear_gradient("L").rotate(90).resize((w, h))
    photo = Image.composite(photo, Image.eval(photo, lambda v: int(v * 0.78)), shade)
    photo = photo.filter(ImageFilter.GaussianBlur(1.1))
    pixels = photo.load()
    for _ in range(w * h // 25):
        x, y = rng.randrange(w), rng.randrange(h)
        r, g, b = pixels[x, y]
        n = rng.randint(-30, 30)
        pixels[x, y] = (max(0, min(255, r + n)), max(0, min(255, g + n)), max(0, min(255, b + n)))
    photo.save(path, "JPEG", quality=80)


if __name__ == "__main__":
    certificate_photo(sys.argv[1])
