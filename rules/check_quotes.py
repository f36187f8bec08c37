#!/usr/bin/env python3
"""Checks the rule files in this folder (rules/*.toml):

1. each file parses with tomllib;
2. every `quote` string anywhere in the file occurs verbatim in rules/sources/<source>,
   whitespace (spaces, line breaks, tabs, full-width spaces) removed from both sides;
3. a light schema check: known keys and values (README.md), unique ASCII ids, materials from the
   fixed vocabulary, and `extends` naming an existing set.

Text inside “…” in a `note` is also looked up in the source; a miss is printed as a warning only
(notes may cite other notices).

Usage: python3 rules/check_quotes.py [files…]      (default: every rules/*.toml)
Exit status 0 when everything passes.
"""

import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
WS = re.compile(r"\s+")

TOP_KEYS = {"id", "name", "issuer", "doc_number", "date", "governs", "extends", "city", "source",
            "note", "requirement", "window", "conversion", "evidence", "theme", "period"}
REQ_KEYS = {"id", "total", "public", "professional", "both_parts", "quote", "note"}
WINDOW_KEYS = {"id", "levels", "path", "from", "to", "assumed", "quote", "note"}
CONV_KEYS = {"id", "kinds", "unit", "hours", "category", "when", "quote", "note", "min_months",
             "all_years_over_months"}
EVID_KEYS = {"id", "kinds", "sets", "quote"}
THEME_KEYS = {"year", "topics", "quote"}
PERIOD_KEYS = {"id", "who", "from", "to", "quote"}
WHEN_KEYS = {"role", "level", "venue", "patent_type", "grade", "medal", "rank_max"}

KINDS = {"training", "conference", "practice", "online_course", "staff_training",
         "research_project", "book", "paper", "patent", "award", "digital_exam",
         "qualification_exam", "degree_course", "aid_posting", "expert_service",
         "overseas_exchange", "skill_contest", "prior_certificate"}
LEVELS = {"junior", "intermediate", "associate_senior", "senior"}
PATHS = {"standard", "phd", "master_medical"}
UNITS = {"per_day", "per_half_day", "per_evening", "per_hour", "per_unit", "per_item",
         "full_year", "covers_years"}
CATEGORIES = {"declared", "professional"}
WHEN_VALUES = {
    "role": {"host", "main", "participant", "first", "corresponding", "other"},
    "level": {"provincial", "municipal", "national"},
    "venue": {"domestic", "international"},
    "patent_type": {"invention", "utility_model", "design"},
    "medal": {"gold", "silver", "bronze"},
}
MATERIALS = set("""培训通知 培训课程表 培训日程安排 培训签到表 其他签到形式 结业证书 实践活动通知 派出通知 实践报名表
实践活动日志 课程内容安排 课程完成进度 课程时长 课程内容 邀请函 会议通知 参会回执 学习笔记 会议通讯录 邮件回执
财务报账单 其他辅证材料 结题证明 著作封面 版权页 目录 刊物封面 刊号 专利证书 获奖证书 合格证书 课程成绩单
考试成绩单 派遣通知 考核表 回执 学习资料 培训合格证书 学时认定单 学习证明材料""".split())
ID_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_\-]+)*$")
MMDD_RE = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


def squeeze(text):
    return WS.sub("", text)


def quotes(node, path="$"):
    """Yields (path, text) for every `quote` string anywhere in the parsed TOML."""
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}"
            if key == "quote":
                yield sub, value
            else:
                yield from quotes(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from quotes(value, f"{path}[{i}]")


def notes(node, path="$"):
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}"
            if key == "note" and isinstance(value, str):
                yield sub, value
            else:
                yield from notes(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from notes(value, f"{path}[{i}]")


def schema(data, errors, known_ids):
    def err(msg):
        errors.append(msg)

    for key in data:
        if key not in TOP_KEYS:
            err(f"unknown top-level key `{key}`")
    for key in ("id", "name", "issuer", "governs", "source"):
        if key not in data:
            err(f"missing top-level `{key}`")
    if "date" in data and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"]):
        err("date is not YYYY-MM-DD")
    if "extends" in data and data["extends"] not in known_ids:
        err(f"extends `{data['extends']}`: no such set")
    seen = set()

    def clause_id(item, where):
        cid = item.get("id")
        if not isinstance(cid, str) or not ID_RE.match(cid):
            err(f"{where}: bad or missing id {cid!r}")
        elif cid in seen:
            err(f"{where}: duplicate id {cid}")
        else:
            seen.add(cid)
        if not isinstance(item.get("quote"), str) or not item["quote"].strip():
            err(f"{where}: missing quote")

    if "requirement" in data:
        r = data["requirement"]
        for k in r:
            if k not in REQ_KEYS:
                err(f"requirement: unknown key `{k}`")
        clause_id(r, "requirement")
        if not isinstance(r.get("both_parts"), bool):
            err("requirement: both_parts must be a boolean")
    for i, w in enumerate(data.get("window", [])):
        where = f"window[{i}]"
        for k in w:
            if k not in WINDOW_KEYS:
                err(f"{where}: unknown key `{k}`")
        clause_id(w, where)
        if not set(w.get("levels", [])) <= LEVELS or not w.get("levels"):
            err(f"{where}: bad levels")
        if w.get("path") not in PATHS:
            err(f"{where}: bad path")
        if not (isinstance(w.get("from"), int) and isinstance(w.get("to"), int) and w["from"] <= w["to"]):
            err(f"{where}: bad from/to")
        if w.get("assumed") and not w.get("note"):
            err(f"{where}: assumed = true needs a note")
    for i, c in enumerate(data.get("conversion", [])):
        where = f"conversion[{i}] {c.get('id')}"
        for k in c:
            if k not in CONV_KEYS:
                err(f"{where}: unknown key `{k}`")
        clause_id(c, where)
        if not c.get("kinds") or not set(c["kinds"]) <= KINDS:
            err(f"{where}: bad kinds")
        if c.get("unit") not in UNITS:
            err(f"{where}: bad unit")
        if c.get("category") not in CATEGORIES:
            err(f"{where}: bad category")
        h = c.get("hours")
        if not isinstance(h, (int, float)) or h < 0 or h > 90:
            err(f"{where}: bad hours")
        if c.get("unit") == "full_year" and "min_months" not in c:
            err(f"{where}: full_year needs min_months")
        if c.get("unit") != "full_year" and ("min_months" in c or "all_years_over_months" in c):
            err(f"{where}: months only for full_year")
        if c.get("unit") == "covers_years" and h != 0:
            err(f"{where}: covers_years needs hours = 0")
        for k, v in c.get("when", {}).items():
            if k not in WHEN_KEYS:
                err(f"{where}: unknown condition `{k}`")
            elif k == "rank_max":
                if not isinstance(v, int) or v < 1:
                    err(f"{where}: bad rank_max")
            elif k == "grade":
                vals = v if isinstance(v, list) else [v]
                if not all(isinstance(x, int) and 1 <= x <= 3 for x in vals):
                    err(f"{where}: bad grade")
            else:
                vals = v if isinstance(v, list) else [v]
                if not set(vals) <= WHEN_VALUES[k]:
                    err(f"{where}: bad {k} {v}")
    for i, e in enumerate(data.get("evidence", [])):
        where = f"evidence[{i}] {e.get('id')}"
        for k in e:
            if k not in EVID_KEYS:
                err(f"{where}: unknown key `{k}`")
        clause_id(e, where)
        if not e.get("kinds") or not set(e["kinds"]) <= KINDS:
            err(f"{where}: bad kinds")
        for s in e.get("sets", []):
            for req in s:
                for m in req:
                    if m not in MATERIALS:
                        err(f"{where}: material `{m}` not in the vocabulary")
    for i, t in enumerate(data.get("theme", [])):
        for k in t:
            if k not in THEME_KEYS:
                err(f"theme[{i}]: unknown key `{k}`")
        if not t.get("quote"):
            err(f"theme[{i}]: missing quote")
    for i, p in enumerate(data.get("period", [])):
        where = f"period[{i}]"
        for k in p:
            if k not in PERIOD_KEYS:
                err(f"{where}: unknown key `{k}`")
        clause_id(p, where)
        for k in ("from", "to"):
            if not MMDD_RE.match(str(p.get(k, ""))):
                err(f"{where}: bad {k}")


def main(argv):
    files = [Path(a) for a in argv] or sorted(HERE.glob("*.toml"))
    parsed = {}
    failures = 0
    for f in files:
        try:
            with open(f, "rb") as fh:
                parsed[f] = tomllib.load(fh)
        except Exception as exc:  # noqa: BLE001
            print(f"FAIL {f.name}: does not parse: {exc}")
            failures += 1
    ids = {d.get("id") for d in parsed.values()} | {p.stem for p in HERE.glob("*.toml")}
    for f, data in parsed.items():
        src = SOURCES / data.get("source", "")
        if not src.is_file():
            print(f"FAIL {f.name}: source file {src.name} not found")
            failures += 1
            continue
        text = squeeze(src.read_text(encoding="utf-8"))
        ok = bad = 0
        for where, q in quotes(data):
            if isinstance(q, str) and squeeze(q) and squeeze(q) in text:
                ok += 1
            else:
                bad += 1
                print(f"FAIL {f.name} {where}: quote not in {src.name}: {q!r}")
        errors = []
        schema(data, errors, ids)
        for e in errors:
            print(f"FAIL {f.name}: {e}")
        for where, n in notes(data):
            for cited in re.findall(r"“([^”]+)”", n):
                if squeeze(cited) not in text:
                    print(f"warn {f.name} {where}: “{cited}” is not in {src.name}")
        failures += bad + len(errors)
        status = "ok  " if not bad and not errors else "FAIL"
        print(f"{status} {f.name}: parses; {ok} quotes found verbatim in {src.name}, {bad} missing; "
              f"{len(errors)} schema problems")
    print("all checks passed" if not failures else f"{failures} problem(s)")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
