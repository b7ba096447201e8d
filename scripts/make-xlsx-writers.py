"""Remakes the workbook fixtures filled by programs other than Excel (run from the repository root
after `npm run build`; needs python3 with openpyxl, e.g. Debian's python3-openpyxl):

  26-openpyxl-template.xlsx   Kuulo's xlsx template filled and saved by openpyxl (as pandas does):
                              notes in xl/comments/comment1.xml with a legacy VML drawing, linked
                              by absolute paths.
  27-other-writer.xlsx        the same forms in the layout of yet another writer: inline strings
                              instead of a shared-string table, notes under xl/notes/.
"""
import re
import subprocess
import zipfile

import openpyxl

SURVEY = "fixtures/import/forms-survey.yaml"
OUT = "fixtures/import/"
TEMPLATE = "/tmp/kuulo-template-for-fixtures.xlsx"

subprocess.run(
    ["node", "bin/kuulo.js", "template", SURVEY, "--format", "xlsx", "--lang", "fi", "--out", TEMPLATE],
    check=True,
)
wb = openpyxl.load_workbook(TEMPLATE)
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
rows = [
    {"form_no": 1, "visit_freq": "Viikoittain", "likes_reading": "Kyllä", "image.welcoming": "Samaa mieltä",
     "image.for_me": 3, "books": 12, "hours": 3.5, "services_top.quiet": 1, "services_top.easy_books": 2,
     "dots.quiet": 3, "dots.events": 2, "wishes": "Iltaisin auki\nja lauantaisin"},
    {"form_no": 2, "visit_freq": "Harvemmin", "barriers.hours": "x", "barriers.distance": "x",
     "barriers.other": "Bussi – harvoin", "likes_reading": "Ei", "image.welcoming": "Siltä väliltä",
     "books": 0, "dots.games": 5, "wishes": "-enemmän pelejä; @kirjasto"},
    {"form_no": 3, "visit_freq": "En koskaan", "barriers.none": "x", "likes_reading": "En osaa sanoa",
     "books": 2, "hours": 0.5, "services_top.job_help": 1, "services_top.quiet": 2},
]
for r in rows:
    ws.append([r.get(h) for h in header])
wb.save(OUT + "26-openpyxl-template.xlsx")

# The other writer: every shared string written inline, the notes moved under xl/notes/.
src = zipfile.ZipFile(OUT + "26-openpyxl-template.xlsx")
shared = []
if "xl/sharedStrings.xml" in src.namelist():
    sst = src.read("xl/sharedStrings.xml").decode()
    shared = [re.sub(r"<[^>]+>", "", si) for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]


def inline(xml: str) -> str:
    def cell(m: re.Match) -> str:
        attrs, idx = m.group(1), int(m.group(2))
        attrs = attrs.replace(' t="s"', ' t="inlineStr"')
        text = shared[idx]
        return f'<c{attrs}><is><t xml:space="preserve">{text}</t></is></c>'

    return re.sub(r'<c([^>]*t="s"[^>]*)><v>(\d+)</v></c>', cell, xml)


with zipfile.ZipFile(OUT + "27-other-writer.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
    for name in src.namelist():
        data = src.read(name)
        if name == "xl/sharedStrings.xml":
            continue
        if name.startswith("xl/worksheets/sheet"):
            data = inline(data.decode()).encode()
        text = None
        if name.endswith(".rels") or name == "[Content_Types].xml":
            text = data.decode()
            text = text.replace("/xl/comments/comment1.xml", "/xl/notes/note1.xml")
            text = re.sub(r'<(Relationship|Override)[^>]*sharedStrings[^>]*/>', "", text)
            data = text.encode()
        if name == "xl/comments/comment1.xml":
            name = "xl/notes/note1.xml"
        dst.writestr(name, data)
