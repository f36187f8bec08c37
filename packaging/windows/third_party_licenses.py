"""Writes the third-party licence files shipped with the Windows installers.

The main installer's: every Rust crate compiled into xueshi.exe and xueshi-app.exe for
x86_64-pc-windows-gnu (normal dependencies of the two binaries, from `cargo metadata`) and every npm
package of the built UI (production packages of ui/package-lock.json). With --ocr, the photo
recognition add-on's: every crate compiled into xueshi-ocr.exe (crates/ocr, a workspace of its own
with its own lock file) and the OCR models' licence (models/ocr). Each component with its licence
expression, then the text of each licence file they ship, once per distinct text.

Usage: python3 third_party_licenses.py <repo root> <output file> [--ocr]
"""
import hashlib
import json
import os
import subprocess
import sys

ROOTS = ("xueshi-cli", "xueshi-app")
OCR_ROOTS = ("xueshi-ocr",)
TARGET = "x86_64-pc-windows-gnu"
LICENCE_PREFIXES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT", "UNLICENSE")


def licence_files(folder):
    """The licence-like files at the top of a package folder, sorted by name."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        path = os.path.join(folder, name)
        if name.upper().startswith(LICENCE_PREFIXES) and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                found.append((name, f.read().strip()))
    return found


def rust_components(root, manifest, roots):
    """The crates the packages named `roots` of the workspace at `manifest` are compiled with."""
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--filter-platform", TARGET, "--manifest-path", manifest],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout
    meta = json.loads(out)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    members = set(meta["workspace_members"])
    todo = [pid for pid in members if packages[pid]["name"] in roots]
    if len(todo) != len(roots):
        sys.exit("找不到 " + "、".join(roots) + " 这些包")
    seen = set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    components = []
    for pid in seen - members:
        p = packages[pid]
        folder = os.path.dirname(p["manifest_path"])
        components.append({
            "name": p["name"], "version": p["version"],
            "licence": p.get("license") or ("见许可证文件 " + p["license_file"] if p.get("license_file") else "未声明"),
            "source": p.get("repository") or "",
            "files": licence_files(folder),
        })
    return components


def npm_components(root):
    ui = os.path.join(root, "ui")
    with open(os.path.join(ui, "package-lock.json"), encoding="utf-8") as f:
        lock = json.load(f)
    components = []
    for key, info in lock["packages"].items():
        if not key or info.get("dev") or info.get("devOptional"):
            continue
        folder = os.path.join(ui, key)
        name = key.split("node_modules/")[-1]
        licence = info.get("license")
        if not licence:
            try:
                with open(os.path.join(folder, "package.json"), encoding="utf-8") as f:
                    licence = json.load(f).get("license")
            except OSError:
                licence = None
        components.append({
            "name": name, "version": info.get("version", ""), "licence": licence or "未声明",
            "source": "npm", "files": licence_files(folder),
        })
    return components


MAIN_HEADER = [
    "学时手册 使用的第三方组件及其许可证",
    "Third-party components of 学时手册 (xueshi) and their licences",
    "",
    "学时手册本身以 MIT 许可证发布（见 LICENSE.txt）。随附字体 Noto Serif CJK SC 以 SIL Open Font License 1.1",
    "发布（见 fonts\\OFL.txt）。WebView2Loader.dll 是微软 Microsoft Edge WebView2 SDK 的一部分，",
    "版权归 Microsoft Corporation 所有，按 WebView2 SDK 的许可条款随程序分发",
    "（https://www.nuget.org/packages/Microsoft.Web.WebView2 ）。",
    "",
]

OCR_HEADER = [
    "学时手册 照片识别组件 使用的第三方组件及其许可证",
    "Third-party components of the photo recognition add-on of 学时手册 (xueshi-ocr) and their licences",
    "",
    "文字识别程序 xueshi-ocr.exe 属于学时手册，以 MIT 许可证发布（见 LICENSE.txt）。",
    "文字识别模型 PP-OCRv6_det_small.onnx 和 PP-OCRv6_rec_small.onnx 由 PaddleOCR（百度）发布、RapidOCR 转换为 ONNX，",
    "取自 PyPI 上的 rapidocr 3.10.0，以 Apache License 2.0 发布，未作改动；许可证和来源说明见",
    "models\\ocr\\LICENSE 和 models\\ocr\\MODEL_LICENSES.md（全文也附在本文件末尾）。",
    "",
]


def model_components(root):
    """The OCR models, as one component with their licence and attribution notice."""
    folder = os.path.join(root, "models", "ocr")
    files = licence_files(folder)
    with open(os.path.join(folder, "MODEL_LICENSES.md"), encoding="utf-8") as f:
        files.append(("MODEL_LICENSES.md", f.read().strip()))
    if len(files) != 2:
        sys.exit("models/ocr 中缺少模型的许可证 LICENSE：请先运行 scripts/fetch-ocr-models.sh")
    return [{
        "name": "PP-OCRv6 small (det, rec; RapidOCR ONNX)", "version": "rapidocr 3.10.0",
        "licence": "Apache-2.0", "source": "https://github.com/PaddlePaddle/PaddleOCR", "files": files,
    }]


def render(header, groups):
    lines = list(header)
    texts = {}
    for title, group in groups:
        lines += ["=" * 78, f"{title}（{len(group)} 个）", "=" * 78]
        for c in sorted(group, key=lambda c: (c["name"], c["version"])):
            label = f"{c['name']} {c['version']}"
            lines.append(f"{label} — {c['licence']}" + (f" — {c['source']}" if c["source"] else ""))
            for _name, text in c["files"]:
                digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
                texts.setdefault(digest, (text, []))[1].append(label)
        lines.append("")
    lines += ["=" * 78, "许可证全文 / Licence texts", "=" * 78, ""]
    for text, users in sorted(texts.values(), key=lambda t: t[1][0]):
        lines += ["-" * 78, "适用于 / Applies to: " + ", ".join(sorted(set(users))), "-" * 78, text, ""]
    return "\r\n".join(lines) + "\r\n"


def main():
    args = sys.argv[1:]
    ocr = "--ocr" in args
    args = [a for a in args if a != "--ocr"]
    if len(args) != 2:
        sys.exit("用法：python3 third_party_licenses.py <仓库目录> <输出文件> [--ocr]")
    root, out = args
    if ocr:
        rust = rust_components(root, os.path.join(root, "crates", "ocr", "Cargo.toml"), OCR_ROOTS)
        models = model_components(root)
        text = render(OCR_HEADER, (("编入文字识别程序的 Rust 组件 / Rust crates", rust), ("文字识别模型 / OCR models", models)))
        summary = f"{len(rust)} 个 Rust 组件，文字识别模型"
    else:
        rust = rust_components(root, os.path.join(root, "Cargo.toml"), ROOTS)
        npm = npm_components(root)
        text = render(MAIN_HEADER, (("编入程序的 Rust 组件 / Rust crates", rust), ("界面使用的 npm 组件 / npm packages", npm)))
        summary = f"{len(rust)} 个 Rust 组件，{len(npm)} 个 npm 组件"
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        f.write(text)
    print(f"第三方许可证：{summary} → {out}")


if __name__ == "__main__":
    main()
