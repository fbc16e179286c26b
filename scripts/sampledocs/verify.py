#!/usr/bin/env python3
"""Check truth files against the PDFs' text layers (pdftotext) and, optionally, OCR of scanned pages.

usage: python3 -m sampledocs.verify DIR [--ocr N]   (N scanned pages to OCR with tesseract, default 0)

For text-layer pages: every pii/keep string must be in the page text of each page it lists and in no
text page it does not list; header From/Subject of each communication must be on its first page.
Exit 1 on any problem."""
import argparse
import glob
import json
import os
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def page_text(pdf, n, lines=False):
    out = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True, text=True)
    if lines:
        return [norm(x) for x in out.stdout.splitlines()]
    return norm(out.stdout)


def bounded(text):
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(norm(text)) + r"(?![A-Za-z0-9])")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--ocr", type=int, default=0)
    a = ap.parse_args()
    problems, checked, ocr_done = [], 0, 0
    for tp in sorted(glob.glob(os.path.join(a.dir, "**", "*.truth.json"), recursive=True)):
        t = json.load(open(tp))
        pdf = os.path.join(a.dir, t["path"])
        src = t["page_sources"]
        texts = {i: page_text(pdf, i) for i in range(1, t["pages"] + 1) if src[i - 1] == "text"}
        lines = {i: page_text(pdf, i, lines=True) for i in texts}
        for i, s in enumerate(src, 1):
            if s == "scanned" and i in texts:
                problems.append(f"{t['path']} p{i}: scanned page has text")
        for i in range(1, t["pages"] + 1):
            if src[i - 1] == "scanned":
                txt = page_text(pdf, i)
                if txt:
                    problems.append(f"{t['path']} p{i}: scanned page has a text layer: {txt[:60]!r}")
        for e in t["pii"] + t["keep"]:
            rx = bounded(e["text"])
            for i, txt in texts.items():
                # listed strings may wrap over lines; an unlisted one only counts when it is on one line
                hit = bool(rx.search(txt)) if i in e["pages"] else any(rx.search(x) for x in lines[i])
                if hit != (i in e["pages"]):
                    problems.append(f"{t['path']} p{i}: {e['text']!r} {'found but not listed' if hit else 'listed but not found'}")
                checked += 1
        for c in t["communications"]:
            p = c["page_start"]
            if p in texts and c["kind"] == "email":
                for k in ("from", "subject"):
                    v = c[k]
                    if v and norm(v) not in texts[p] and len(v) < 60:
                        problems.append(f"{t['path']} p{p}: header {k} {v!r} not on the page")
        if a.ocr and ocr_done < a.ocr:
            for i, s in enumerate(src, 1):
                if s != "scanned" or ocr_done >= a.ocr:
                    continue
                ocr_done += 1
                png = f"/tmp/verify-ocr-{os.getpid()}"
                subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", str(i), "-l", str(i), pdf, png], check=True)
                out = subprocess.run(["tesseract", png + ".png", "-", "--psm", "3"], capture_output=True, text=True).stdout
                os.remove(png + ".png")
                o = norm(out)
                names = [e["text"] for e in t["pii"] + t["keep"] if i in e["pages"]]
                got = [n for n in names if norm(n) in o]
                print(f"OCR {t['path']} p{i}: {len(got)}/{len(names)} truth strings read exactly; "
                      f"{len(o)} chars", file=sys.stderr)
    for p in problems:
        print(p)
    print(f"verify: {checked} string/page checks, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
