#!/usr/bin/env python3
"""Writes the committed seed corpus of the fuzz targets (fuzz/corpus/<target>/seed-*) from the
project's own files: demo/ledger.json, rules/*.toml, the store's fixtures, hand-made CSV and XLSX
in the template's columns, ledger ZIPs with evidence, and (given the path of a `xueshi` binary) a
real submission package exported from the demo ledger. Run from the repository root:
    python3 fuzz/seeds.py [target/debug/xueshi]
"""
import hashlib, io, json, os, subprocess, sys, tempfile, warnings, zipfile

warnings.filterwarnings("ignore", "Duplicate name")  # forged packages repeat a name on purpose

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
# A fixed timestamp, so that running this again writes the same bytes.
WHEN = (2024, 1, 2, 3, 4, 6)


def put(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(CORPUS, target, "seed-" + name), "wb") as f:
        f.write(data)


def read(*parts):
    with open(os.path.join(ROOT, *parts), "rb") as f:
        return f.read()


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, WHEN)
            info.compress_type = compression
            z.writestr(info, data)
    return out.getvalue()


# A tiny PDF and a 1×1 PNG, accepted as evidence by their signatures.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5f6ee6d0000000049454e44ae426082"
)


def ledger_json():
    put("ledger_json", "demo.json", read("demo", "ledger.json"))
    put("ledger_json", "store-fixture.json", read("crates", "store", "tests", "fixtures", "seed_v1.json"))
    for case in ["03-2020-books-domestic-papers.json", "21-2024-patents-type-rank.json", "07-2020-aid-posting-six-months.json"]:
        ledger = json.loads(read("tests", "cases", case))["ledger"]
        put("ledger_json", "case-" + case, json.dumps(ledger, ensure_ascii=False, indent=1))
    put("ledger_json", "empty.json", '{"format": "xueshi-ledger", "version": 1}')


def rule_file():
    for name in sorted(os.listdir(os.path.join(ROOT, "rules"))):
        if name.endswith(".toml") and name != "hunan-2026.toml":
            put("rule_file", name, read("rules", name))


HEADER = ["序号", "年度", "形式", "名称", "开始日期", "结束日期", "天数", "学时", "类别", "主办单位", "级别", "角色/排名", "等级", "刊物类别"]
ROWS = [
    ["1", "2023", "培训", "数字经济专题培训", "2023.10.7", "2023.10.9", "3", "", "公需", "湖南省人社厅", "", "", "", ""],
    ["2", "2023", "网络课程", "专业课程第一讲", "2023年3月1日", "", "", "24学时", "专业", "某平台", "", "", "", ""],
    ["3", "2023", "论文", "基层医疗论文", "2023/5/20", "", "", "", "", "中国全科医学", "", "通讯作者", "", "国内刊物"],
    ["4", "2023", "课题", "市级课题", "2023-07-01", "", "", "", "", "", "市厅级", "主持人", "", ""],
    ["5", "2023", "获奖", "科技进步奖", "2023-12-01", "", "", "", "", "", "省部级", "2", "一等奖", ""],
    ["6", "2023", "发明专利", "一种装置", "2023-05-06", "", "", "", "", "", "", "第二发明人", "", ""],
]


def csv_text():
    lines = ["2023年度继续教育学时登记表" + "," * (len(HEADER) - 1), ",".join(HEADER)]
    lines += [",".join(r) for r in ROWS]
    return "\r\n".join(lines) + "\r\n"


def column(i):
    return chr(ord("A") + i)


def xlsx():
    """A minimal workbook: inline strings, a date-formatted serial number, a second sheet."""
    def cell(ref, value, date=False):
        if date:
            return f'<c r="{ref}" s="1"><v>{value}</v></c>'
        if value.isdigit():
            return f'<c r="{ref}"><v>{value}</v></c>'
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    def sheet(rows):
        xml = []
        for n, row in enumerate(rows, start=1):
            cells = "".join(cell(f"{column(i)}{n}", v, date=(n > 2 and i == 4 and v.isdigit())) for i, v in enumerate(row) if v)
            xml.append(f'<row r="{n}">{cells}</row>')
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<sheetData>{"".join(xml)}</sheetData></worksheet>')

    rows = [["2023年度专业技术人员继续教育登记表"], HEADER] + ROWS
    rows[2] = rows[2][:4] + ["45206"] + rows[2][5:]  # 2023-10-07 as a date cell
    ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    members = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
        ("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships {ns}>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
         '<sheet name="2023年" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships {ns}>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
        ("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'),
        ("xl/worksheets/sheet1.xml", sheet(rows)),
        ("xl/worksheets/sheet2.xml", sheet([["填表说明：每行一条记录"]])),
    ]
    return zip_bytes(members)


def spreadsheet():
    put("spreadsheet", "utf8.csv", "\ufeff" + csv_text())
    put("spreadsheet", "gbk.csv", csv_text().encode("gbk"))
    put("spreadsheet", "utf16.csv", csv_text().replace(",", "\t").encode("utf-16"))
    put("spreadsheet", "template.xlsx", xlsx())


def ledger_zip():
    ledger = json.loads(read("demo", "ledger.json"))
    files = {"2021公需科目结业证书.pdf": PDF, "课程学时截图.png": PNG, "2022公需结业证书.pdf": PDF + b"%2022\n"}
    members = [("ledger.json", json.dumps(ledger, ensure_ascii=False, indent=1))]
    members += [(f"evidence/{name}", data) for name, data in files.items()]
    put("ledger_zip", "demo-evidence.zip", zip_bytes(members))
    # Hashes recorded, in a folder inside the archive, stored uncompressed.
    small = {"format": "xueshi-ledger", "version": 1, "profile": ledger["profile"], "activities": ledger["activities"][:3]}
    for a in small["activities"]:
        for e in a.get("evidence", []):
            if e["file"] in files:
                e["file"] = "evidence/" + e["file"]
                e["sha256"] = hashlib.sha256(files[e["file"][9:]]).hexdigest()
    members = [("导出/ledger.json", json.dumps(small, ensure_ascii=False))]
    members += [(f"导出/evidence/{name}", data) for name, data in files.items()]
    put("ledger_zip", "hashed-folder.zip", zip_bytes(members, zipfile.ZIP_STORED))
    put("ledger_zip", "names-only.zip", zip_bytes([("ledger.json", read("crates", "store", "tests", "fixtures", "seed_v1.json"))]))


def verify_package(xueshi):
    """A real package of the demo ledger with two evidence files, made by the command line."""
    with tempfile.TemporaryDirectory() as tmp:
        demo = os.path.join(tmp, "demo")
        os.makedirs(demo)
        ledger = json.loads(read("demo", "ledger.json"))
        given = {"2021公需科目结业证书.pdf", "课程学时截图.png"}
        ledger["activities"] = ledger["activities"][:4]
        for a in ledger["activities"]:
            a["evidence"] = [e for e in a.get("evidence", []) if e["file"] in given]
        with open(os.path.join(demo, "ledger.json"), "w", encoding="utf-8") as f:
            json.dump(ledger, f, ensure_ascii=False)
        for name, content in {"2021公需科目结业证书.pdf": PDF, "课程学时截图.png": PNG}.items():
            with open(os.path.join(demo, name), "wb") as f:
                f.write(content)
        package = os.path.join(tmp, "材料包.zip")
        subprocess.run([xueshi, "--data-dir", os.path.join(tmp, "data"), "export", "--apply-year", "2024",
                        "--level", "associate_senior", "--ledger", os.path.join(demo, "ledger.json"),
                        "--evidence-dir", demo, "--out", package], check=True, capture_output=True)
        with open(package, "rb") as f:
            real = f.read()
        put("verify_package", "demo-package.zip", real)
        # The same package made small: tiny summary files, the manifest re-hashed to match (what a
        # forger can do; without the owner's data folder it verifies).
        with zipfile.ZipFile(io.BytesIO(real)) as z:
            manifest = json.loads(z.read("manifest.json"))
            members = {n: z.read(n) for n in z.namelist() if n != "manifest.json"}
        members["学时汇总表.pdf"] = PDF
        members["学时汇总表.xlsx"] = zip_bytes([("xl/workbook.xml", "<workbook/>")])
        for f in manifest["files"]:
            f["size"] = len(members[f["path"]])
            f["sha256"] = hashlib.sha256(members[f["path"]]).hexdigest()
        manifest["assessment"] = {"compliant": False}
        small = list(members.items()) + [("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))]
        put("verify_package", "rehashed-small.zip", zip_bytes(small, zipfile.ZIP_STORED))
        forgeries(small)


def drop_first_directory_entry(data):
    """The ZIP without the central directory entry of its first member (its local header stays)."""
    end = data.rindex(b"PK\x05\x06")
    count = int.from_bytes(data[end + 10:end + 12], "little")
    size = int.from_bytes(data[end + 12:end + 16], "little")
    start = int.from_bytes(data[end + 16:end + 20], "little")
    first = 46 + sum(int.from_bytes(data[start + i:start + i + 2], "little") for i in (28, 30, 32))
    record = bytearray(data[end:])
    record[8:10] = record[10:12] = (count - 1).to_bytes(2, "little")
    record[12:16] = (size - first).to_bytes(4, "little")
    return data[:start] + data[start + first:end] + bytes(record)


def forgeries(members):
    """Forged packages that must never verify as intact (issue 10, item 3); regression seeds."""
    forged_pdf = PDF.replace(b"Count 0", b"Count 9")
    # The local header names another file than the central directory does.
    data = bytearray(zip_bytes(members, zipfile.ZIP_STORED))
    at = data.index("学时汇总表.pdf".encode())
    data[at:at + len("学时汇总表.pdf".encode())] = "学时汇总表.exe".encode()
    put("verify_package", "forged-local-name.zip", bytes(data))
    # The same name twice: a forged first copy (what many unzip programs extract) and the real one.
    put("verify_package", "forged-duplicate.zip", zip_bytes([("学时汇总表.pdf", forged_pdf)] + members, zipfile.ZIP_STORED))
    # A member with a local header but no central directory entry.
    put("verify_package", "forged-hidden-member.zip",
        drop_first_directory_entry(zip_bytes([("学时汇总表.pdf", forged_pdf)] + members, zipfile.ZIP_STORED)))
    # An absolute and a drive-prefixed name, listed in the manifest.
    manifest = json.loads(dict(members)["manifest.json"])
    extra = [("/tmp/结业证书.pdf", PDF), ("C:结业证书.pdf", PDF)]
    for name, content in extra:
        manifest["files"].append({"path": name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest(), "role": "evidence"})
    listed = [m for m in members if m[0] != "manifest.json"] + extra + [("manifest.json", json.dumps(manifest, ensure_ascii=False))]
    put("verify_package", "forged-absolute-names.zip", zip_bytes(listed, zipfile.ZIP_STORED))


if __name__ == "__main__":
    ledger_json()
    rule_file()
    spreadsheet()
    ledger_zip()
    if len(sys.argv) > 1:
        verify_package(os.path.abspath(sys.argv[1]))
