"""Writes a synthetic phone photo of a 结业证书 (JPEG) for the packaging smoke tests: the certificate's
lines drawn with the bundled font (fonts/NotoSerifCJKsc-Regular-GB2312.otf) on off-white paper inside
a red border, on a grey desk, then slightly rotated, scaled down to 640 px, blurred, unevenly lit,
noisy and saved at JPEG quality 70. What a reader must find in it: 24 学时, 证书编号 HN-2024-0001, 2024-05-14 to 2024-05-16.

Usage: python3 tests/e2e/make_certificate_photo.py <out.jpg>
"""
import os
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = os.path.join(os.path.dirname(__file__), "..", "..", "fonts", "NotoSerifCJKsc-Regular-GB2312.otf")

# (text, size as a share of the page's height, alignment). Few, short lines: the packaging lanes read
# it with the unoptimised helper, where each line costs more than a second (under Wine, on 2 cores).
LINES = [
    ("结业证书", 0.090, "centre"),
    ("学员：李建国", 0.055, "left"),
    ("2024年5月14日至5月16日", 0.055, "left"),
    ("共计24学时", 0.055, "left"),
    ("证书编号：HN-2024-0001", 0.055, "left"),
]


def certificate(width=1600, height=1130):
    page = Image.new("RGB", (width, height), (250, 247, 238))
    draw = ImageDraw.Draw(page)
    m = int(height * 0.04)
    draw.rectangle([m, m, width - m, height - m], outline=(160, 40, 36), width=max(4, height // 150))
    margin = int(width * 0.10)
    y = int(height * 0.12)
    for text, share, align in LINES:
        font = ImageFont.truetype(FONT, int(height * share))
        w = draw.textlength(text, font=font)
        x = {"left": margin, "centre": (width - w) / 2, "right": width - margin - w}[align]
        draw.text((x, y), text, font=font, fill=(28, 24, 22))
        y += int(height * share * 2.0)
    return page


def photo(page):
    # The page lies on a desk, turned by a few degrees.
    desk = Image.new("RGB", (page.width + 300, page.height + 300), (118, 112, 104))
    desk.paste(page, (150, 150))
    desk = desk.rotate(3.5, resample=Image.BICUBIC, fillcolor=(118, 112, 104))
    # Sized like a photo forwarded through a chat app (640 px): the detector then works on fewer
    # pixels, which keeps the lanes' unoptimised helper well inside the program's 30 s per page.
    desk = desk.resize((640, round(640 * desk.height / desk.width)), Image.LANCZOS)
    desk = desk.filter(ImageFilter.GaussianBlur(0.7))
    # Light falls from the left: a horizontal gradient darkens the right side by up to 25 %.
    shade = Image.linear_gradient("L").rotate(90).resize(desk.size)
    dark = Image.new("RGB", desk.size, (0, 0, 0))
    desk = Image.composite(dark, desk, shade.point(lambda v: int(v * 0.25)))
    # Sensor noise.
    noise = Image.effect_noise(desk.size, 18).convert("RGB")
    desk = Image.blend(desk, noise, 0.08)
    return desk


def main():
    if len(sys.argv) != 2:
        sys.exit("用法：python3 tests/e2e/make_certificate_photo.py <输出.jpg>")
    photo(certificate()).save(sys.argv[1], "JPEG", quality=70)


if __name__ == "__main__":
    main()
