"""Draws phone photos of a 结业证书 for the tests: the certificate's lines in the bundled 宋体-like font
on off-white paper, turned a few degrees, lit unevenly, slightly blurred and noisy, saved as a JPEG.
`certificate_photo` (the e2e tests; with its verification QR code): `LINES` and the values the tests
expect are here. `small_certificate_photo` (the packaging lanes, read by the unoptimised helper under
Wine): five short lines, 640 px wide — 24 学时, 证书编号 HN-2024-0001, 2024-05-14 to 2024-05-16.
`python3 make_photo.py [--small] OUT.jpg` writes one."""

import random
import sys
from pathlib import Path

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
    import qrcode  # PyPI qrcode: only this photo carries a QR code

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


SMALL_LINES = [
    ("结业证书", 0.090, "centre"),
    ("学员：李建国", 0.055, "left"),
    ("2024年5月14日至5月16日", 0.055, "left"),
    ("共计24学时", 0.055, "left"),
    ("证书编号：HN-2024-0001", 0.055, "left"),
]


def small_certificate_photo(path, width=1600, height=1130):
    page = Image.new("RGB", (width, height), (250, 247, 238))
    draw = ImageDraw.Draw(page)
    m = int(height * 0.04)
    draw.rectangle([m, m, width - m, height - m], outline=(160, 40, 36), width=max(4, height // 150))
    margin, y = int(width * 0.10), int(height * 0.12)
    for text, share, align in SMALL_LINES:
        font = ImageFont.truetype(str(FONT), int(height * share))
        w = draw.textlength(text, font=font)
        x = {"left": margin, "centre": (width - w) / 2}[align]
        draw.text((x, y), text, font=font, fill=(28, 24, 22))
        y += int(height * share * 2.0)
    # On a desk, turned by a few degrees, sized like a photo forwarded through a chat app (640 px).
    desk = Image.new("RGB", (width + 300, height + 300), (118, 112, 104))
    desk.paste(page, (150, 150))
    desk = desk.rotate(3.5, resample=Image.BICUBIC, fillcolor=(118, 112, 104))
    desk = desk.resize((640, round(640 * desk.height / desk.width)), Image.LANCZOS)
    desk = desk.filter(ImageFilter.GaussianBlur(0.7))
    # Light from the left: the right side darker by up to 25 %; sensor noise.
    shade = Image.linear_gradient("L").rotate(90).resize(desk.size)
    desk = Image.composite(Image.new("RGB", desk.size, (0, 0, 0)), desk, shade.point(lambda v: int(v * 0.25)))
    desk = Image.blend(desk, Image.effect_noise(desk.size, 18).convert("RGB"), 0.08)
    desk.save(path, "JPEG", quality=70)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--small":
        small_certificate_photo(sys.argv[2])
    elif len(sys.argv) == 2:
        certificate_photo(sys.argv[1])
    else:
        sys.exit("用法：python3 tests/e2e/make_photo.py [--small] 输出.jpg")
