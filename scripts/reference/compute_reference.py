#!/usr/bin/python3
"""Reference values for Kuulo's analysis, computed independently with numpy, scipy and pandas.

Run with Debian's Python (apt-get install python3-scipy python3-pandas python3-yaml):
    /usr/bin/python3 scripts/reference/compute_reference.py [--make-data]

--make-data rewrites the small statistics datasets (seeded, so the same every time). Without it,
the script reads the CSV datasets under test/fixtures/analysis/ and writes expected-*.json beside
them. The JSON is committed, so CI compares against it without Python
(test/unit/analysis-reference.test.ts).

What is checked against what:
- mean, median, quartiles (type 7), SD (n - 1): numpy; 95 % CI of the mean: scipy.stats.t.interval
- t quantiles: scipy.stats.t.ppf; chi-square tails: scipy.stats.chi2.sf; incomplete beta:
  scipy.special.betainc; normal quantiles: scipy.stats.norm.ppf
- chi-square test of independence: scipy.stats.chi2_contingency (no continuity correction);
  Cramer's V: scipy.stats.contingency.association
- Cronbach's alpha: pandas variances by the textbook formula
- Welch interval and df, Cohen's d: scipy.stats.t.ppf on the Welch-Satterthwaite df, pandas/numpy
- Wilson and Newcombe (method 10) intervals, Cohen's h: formulas with scipy.stats.norm.ppf
- a whole Report (minCell 1, by visit_freq) on responses-reference.csv, parsed here with pandas:
  status counts, counts and shares per choice, multi-select shares, scale statistics and
  top/bottom boxes, number statistics and histogram counts (numpy.histogram), ranking first /
  top-N / mean rank / Borda, allocation points and supporters, cross-tab tables, chi-square and
  group means, indices with reverse coding and alpha, IPA means, gap means and CIs.
"""
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy import special, stats
from scipy.stats.contingency import association

ROOT = Path(__file__).resolve().parents[2]
DIR = ROOT / "test" / "fixtures" / "analysis"


def num(x):
    """JSON-safe float (None for NaN)."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def make_data():
    rng = np.random.RandomState(20250301)
    rows = []
    sets = {
        "two": [3.0, 7.0],
        "three": [1.0, 2.0, 4.0],
        "ties": [2, 2, 2, 3, 3, 5, 5, 5, 5, 1],
        "normal50": list(np.round(rng.normal(10, 3, 50), 4)),
        "skewed200": list(np.round(rng.lognormal(1, 0.8, 200), 4)),
        "large": list(1e9 + np.round(rng.normal(0, 1, 30), 6)),
        "negative": list(np.round(rng.normal(-5, 2, 17), 3)),
        "likert": list(rng.randint(1, 6, 41)),
    }
    for name, xs in sets.items():
        rows += [{"dataset": name, "x": x} for x in xs]
    pd.DataFrame(rows).to_csv(DIR / "stats-vectors.csv", index=False)

    tables = {
        "t2x2": [[12, 5], [7, 15]],
        "t3x4": [[10, 12, 8, 20], [15, 9, 11, 7], [5, 14, 16, 9]],
        "t2x5": [[30, 25, 12, 8, 5], [10, 15, 22, 28, 35]],
        "zero_row": [[10, 12, 8], [0, 0, 0], [5, 14, 16]],
    }
    rows = [{"table": t, "row": i, "col": j, "count": c} for t, m in tables.items() for i, r in enumerate(m) for j, c in enumerate(r)]
    pd.DataFrame(rows).to_csv(DIR / "stats-contingency.csv", index=False)

    rows = []
    for name, (n, k) in {"a5": (60, 5), "a3": (25, 3), "a8": (120, 8)}.items():
        latent = rng.normal(0, 1, n)
        for i in range(n):
            for j in range(k):
                v = int(np.clip(np.round(3 + latent[i] + rng.normal(0, 0.9)), 1, 5))
                rows.append({"dataset": name, "resp": i, "item": j, "value": v})
    pd.DataFrame(rows).to_csv(DIR / "stats-alpha.csv", index=False)

    rows = []
    for name, (na, ma, sa, nb, mb, sb) in {"w1": (20, 3.5, 1.0, 25, 3.0, 1.4), "w2": (8, 10, 2, 40, 12, 5), "w3": (100, 0, 1, 100, 0.1, 1)}.items():
        rows += [{"dataset": name, "group": "a", "x": x} for x in np.round(rng.normal(ma, sa, na), 4)]
        rows += [{"dataset": name, "group": "b", "x": x} for x in np.round(rng.normal(mb, sb, nb), 4)]
    pd.DataFrame(rows).to_csv(DIR / "stats-two-groups.csv", index=False)

    pd.DataFrame(
        [
            {"k1": 15, "n1": 40, "k2": 9, "n2": 38},
            {"k1": 0, "n1": 10, "k2": 3, "n2": 12},
            {"k1": 20, "n1": 20, "k2": 18, "n2": 25},
            {"k1": 56, "n1": 70, "k2": 48, "n2": 80},
            {"k1": 1, "n1": 29, "k2": 1, "n2": 30},
        ]
    ).to_csv(DIR / "stats-proportions.csv", index=False)


def describe(xs):
    xs = np.asarray(xs, dtype=float)
    n = len(xs)
    out = {"n": n, "mean": num(np.mean(xs)), "median": num(np.median(xs)), "min": num(xs.min()), "max": num(xs.max())}
    out["q1"] = num(np.percentile(xs, 25))
    out["q3"] = num(np.percentile(xs, 75))
    if n >= 2:
        out["sd"] = num(np.std(xs, ddof=1))
        lo, hi = stats.t.interval(0.95, n - 1, loc=np.mean(xs), scale=stats.sem(xs))
        out["ci"] = {"low": num(lo), "high": num(hi)}
    else:
        out["sd"] = None
        out["ci"] = None
    return out


def wilson(k, n):
    z = stats.norm.ppf(0.975)
    p = k / n
    den = 1 + z * z / n
    c = (p + z * z / (2 * n)) / den
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(0.0, c - h), min(1.0, c + h)


def alpha_of(frame):
    k = frame.shape[1]
    return num(k / (k - 1) * (1 - frame.var(ddof=1).sum() / frame.sum(axis=1).var(ddof=1)))


def stats_expected():
    out = {"vectors": {}, "special": {}, "contingency": {}, "alpha": {}, "twoGroups": {}, "proportions": []}
    v = pd.read_csv(DIR / "stats-vectors.csv")
    for name, g in v.groupby("dataset", sort=True):
        out["vectors"][name] = describe(g["x"].to_numpy())
    sp = out["special"]
    sp["tQuantile"] = [
        {"p": p, "df": df, "value": num(stats.t.ppf(p, df))}
        for df in [1, 2, 3, 4, 5, 7, 10, 15, 29, 30, 60, 100, 1000, 2.5, 17.3]
        for p in [0.0005, 0.025, 0.1, 0.5, 0.6, 0.9, 0.975, 0.995, 0.9995]
    ]
    sp["chiSquareSf"] = [
        {"x": x, "df": df, "value": num(stats.chi2.sf(x, df))}
        for df in [1, 2, 3, 4, 6, 9, 12, 20, 50]
        for x in [0.001, 0.5, 1, 2.7, 3.84, 7.5, 15, 30, 80]
    ]
    sp["betaInc"] = [
        {"x": x, "a": a, "b": b, "value": num(special.betainc(a, b, x))}
        for a, b in [(0.5, 0.5), (1, 3), (2.5, 0.5), (10, 20), (50, 0.5)]
        for x in [0.01, 0.2, 0.5, 0.8, 0.99]
    ]
    sp["normalQuantile"] = [{"p": p, "value": num(stats.norm.ppf(p))} for p in [1e-10, 0.001, 0.02, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999]]
    c = pd.read_csv(DIR / "stats-contingency.csv")
    for name, g in c.groupby("table", sort=True):
        m = g.pivot(index="row", columns="col", values="count").to_numpy()
        keep = m[m.sum(axis=1) > 0][:, m.sum(axis=0) > 0]
        chi2, p, dof, _ = stats.chi2_contingency(keep, correction=False)
        out["contingency"][name] = {"table": m.tolist(), "chi2": num(chi2), "p": num(p), "df": int(dof), "cramersV": num(association(keep, method="cramer", correction=False))}
    a = pd.read_csv(DIR / "stats-alpha.csv")
    for name, g in a.groupby("dataset", sort=True):
        wide = g.pivot(index="resp", columns="item", values="value")
        out["alpha"][name] = {"rows": wide.to_numpy().tolist(), "alpha": alpha_of(wide)}
    t = pd.read_csv(DIR / "stats-two-groups.csv")
    for name, g in t.groupby("dataset", sort=True):
        xa = g[g.group == "a"]["x"].to_numpy()
        xb = g[g.group == "b"]["x"].to_numpy()
        va, vb = xa.var(ddof=1), xb.var(ddof=1)
        se2 = va / len(xa) + vb / len(xb)
        df = se2**2 / ((va / len(xa)) ** 2 / (len(xa) - 1) + (vb / len(xb)) ** 2 / (len(xb) - 1))
        diff = xa.mean() - xb.mean()
        half = stats.t.ppf(0.975, df) * math.sqrt(se2)
        pooled = math.sqrt(((len(xa) - 1) * va + (len(xb) - 1) * vb) / (len(xa) + len(xb) - 2))
        welch = stats.ttest_ind(xa, xb, equal_var=False)
        out["twoGroups"][name] = {"a": xa.tolist(), "b": xb.tolist(), "diff": num(diff), "df": num(df), "ci": {"low": num(diff - half), "high": num(diff + half)}, "cohenD": num(diff / pooled), "welchT": num(welch.statistic)}
    for _, r in pd.read_csv(DIR / "stats-proportions.csv").iterrows():
        k1, n1, k2, n2 = int(r.k1), int(r.n1), int(r.k2), int(r.n2)
        l1, u1 = wilson(k1, n1)
        l2, u2 = wilson(k2, n2)
        p1, p2 = k1 / n1, k2 / n2
        d = p1 - p2
        out["proportions"].append(
            {
                "k1": k1, "n1": n1, "k2": k2, "n2": n2,
                "wilson1": {"low": l1, "high": u1}, "wilson2": {"low": l2, "high": u2},
                "diff": d,
                "ci": {"low": d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), "high": d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)},
                "cohenH": 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)),
            }
        )
    return out


# ---- Report-level reference: a synthetic dataset on test/fixtures/surveys/analysis-reference.yaml


def load_survey(path):
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    lists = doc.get("choices", {})
    slots = {}
    for sec in doc["sections"]:
        for q in sec["questions"]:
            t = q["type"]
            ch = q.get("choices", q.get("scale"))
            ch = lists[ch] if isinstance(ch, str) else ch
            if t == "scale":
                ch = [{"value": v} for v in range(q["min"], q["max"] + 1)]
            if t == "yesno":
                ch = [{"value": "yes"}, {"value": "no"}] + ([{"value": "dk", "missing": True}] if q.get("dont_know") else [])
            if ch is not None and q.get("other"):
                ch = ch + [{"value": "other"}]
            codes = [str(c["value"]) for c in ch] if ch else []
            missing = [str(c["value"]) for c in ch if c.get("missing")] if ch else []
            info = {"type": t, "codes": [c for c in codes if c not in missing], "missing": missing, "top": q.get("top")}
            if t == "matrix":
                for it in q["items"]:
                    slots[f'{q["id"]}.{it["id"]}'] = dict(info, reverse=bool(it.get("reverse")))
            elif t != "info":
                slots[q["id"]] = info
    return doc, slots


def split(cell, sep):
    return [] if cell in ("", ".") else cell.split(sep)


def report_expected(survey_path, csv_path, by):
    doc, slots = load_survey(survey_path)
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    df = df[df.status == "complete"].reset_index(drop=True)
    out = {"analysed": len(df), "slots": {}, "crossTabs": {}, "indices": {}, "ipa": {}, "gaps": {}}

    def numeric(slot):
        info = slots[slot]
        vals = pd.to_numeric(df[slot].where(~df[slot].isin(["", "."] + info["missing"])), errors="coerce")
        return vals

    for slot, info in slots.items():
        col = df[slot]
        t = info["type"]
        r = {"skipped": int((col == ".").sum()), "absent": int((col == "").sum())}
        r["missing"] = {m: int((col == m).sum()) for m in info["missing"]}
        if t in ("single", "yesno", "likert", "scale", "matrix"):
            valid = col[col.isin(info["codes"])]
            r["valid"] = len(valid)
            r["counts"] = {c: int((valid == c).sum()) for c in info["codes"]}
            r["shares"] = {c: r["counts"][c] / len(valid) for c in info["codes"]} if len(valid) else {}
            if t in ("likert", "scale", "matrix"):
                xs = valid.astype(float).to_numpy()
                r["stats"] = describe(xs)
                pts = sorted(float(c) for c in info["codes"])
                k = max(1, len(pts) // 2)  # the points above the middle: the chart's positive side
                r["topBox"] = float(np.isin(xs, pts[-k:]).mean())
                r["bottomBox"] = float(np.isin(xs, pts[:k]).mean())
        elif t == "multi":
            picks = col.map(lambda c: split(c, ";"))
            valid = picks[picks.map(lambda p: any(x in info["codes"] for x in p))]
            r["valid"] = len(valid)
            r["counts"] = {c: int(valid.map(lambda p, c=c: c in p).sum()) for c in info["codes"]}
            r["shares"] = {c: r["counts"][c] / len(valid) for c in info["codes"]}
        elif t == "number":
            xs = pd.to_numeric(col.where(~col.isin(["", "."])), errors="coerce").dropna().to_numpy()
            r["valid"] = len(xs)
            r["stats"] = describe(xs)
            lo, hi = xs.min(), xs.max()
            if np.all(xs == np.round(xs)) and hi - lo <= 20:
                edges = np.arange(lo, hi + 2)
            else:
                k = min(20, max(5, math.ceil(math.log2(len(xs))) + 1))
                raw = (hi - lo) / k
                e = 10 ** math.floor(math.log10(raw))
                width = next((m * e for m in (1, 2, 5, 10) if m * e >= raw), 10 * e)
                if np.all(xs == np.round(xs)):
                    width = max(1, round(width))
                start = math.floor(lo / width) * width
                edges = [start]
                while edges[-1] <= hi:
                    edges.append(start + len(edges) * width)
            counts, _ = np.histogram(xs, bins=np.asarray(edges, dtype=float))
            r["histogram"] = {"edges": [float(e) for e in edges], "counts": counts.tolist()}
        elif t == "ranking":
            ranks = col.map(lambda c: split(c, ">")[: info["top"]])
            valid = ranks[ranks.map(len) > 0]
            r["valid"] = len(valid)
            r["rows"] = {}
            for c in info["codes"]:
                pos = valid.map(lambda p, c=c: p.index(c) + 1 if c in p else 0)
                placed = pos[pos > 0]
                r["rows"][c] = {
                    "first": int((pos == 1).sum()),
                    "inTop": len(placed),
                    "meanRank": num(placed.mean()) if len(placed) else None,
                    "borda": int((info["top"] + 1 - placed).sum()),
                }
        elif t == "allocate":
            alloc = col.map(lambda c: {kv.split(":")[0]: float(kv.split(":")[1]) for kv in split(c, ";")})
            valid = alloc[alloc.map(lambda a: sum(a.values()) > 0)]
            r["valid"] = len(valid)
            total = sum(sum(a.values()) for a in valid)
            r["total"] = total
            r["rows"] = {
                c: {
                    "points": sum(a.get(c, 0) for a in valid),
                    "supporters": int(valid.map(lambda a, c=c: a.get(c, 0) > 0).sum()),
                    "mean": sum(a.get(c, 0) for a in valid) / len(valid),
                }
                for c in info["codes"]
            }
        else:
            r["valid"] = int((~col.isin(["", "."])).sum())
        out["slots"][slot] = r

    groups = slots[by]["codes"]
    for slot, info in slots.items():
        if slot == by or info["type"] not in ("single", "yesno", "likert", "scale", "matrix"):
            continue
        sub = df[df[by].isin(groups) & df[slot].isin(info["codes"])]
        m = np.array([[int(((sub[slot] == c) & (sub[by] == g)).sum()) for g in groups] for c in info["codes"]])
        keep = m[m.sum(axis=1) > 0][:, m.sum(axis=0) > 0]
        entry = {"table": m.tolist()}
        if keep.shape[0] >= 2 and keep.shape[1] >= 2:
            chi2, p, dof, expected = stats.chi2_contingency(keep, correction=False)
            entry.update({"chi2": num(chi2), "p": num(p), "df": int(dof), "cramersV": num(association(keep, method="cramer", correction=False))})
            entry["cochranOk"] = bool((expected >= 1).all() and (expected < 5).sum() <= 0.2 * expected.size)
        if info["type"] in ("likert", "scale", "matrix"):
            entry["means"] = [num(sub[sub[by] == g][slot].astype(float).mean()) if (sub[by] == g).any() else None for g in groups]
        out["crossTabs"][slot] = entry

    for ix in doc.get("indices", []):
        cols = []
        for item in ix["items"]:
            v = numeric(item)
            if slots[item].get("reverse") or item in ix.get("reverse", []):
                pts = [float(c) for c in slots[item]["codes"]]
                v = min(pts) + max(pts) - v
            cols.append(v.rename(item))
        wide = pd.concat(cols, axis=1).dropna()
        scores = wide.mean(axis=1).to_numpy()
        out["indices"][ix["id"]] = dict(describe(scores), alpha=alpha_of(wide))
    for pair in doc.get("ipa", []):
        both = pd.concat([numeric(pair["importance"]), numeric(pair["performance"])], axis=1).dropna()
        out["ipa"][pair["id"]] = {"n": len(both), "importance": num(both.iloc[:, 0].mean()), "performance": num(both.iloc[:, 1].mean())}
    for gap in doc.get("gaps", []):
        w = pd.concat([numeric(gap["minimum"]), numeric(gap["desired"]), numeric(gap["perceived"])], axis=1).dropna().to_numpy()
        out["gaps"][gap["id"]] = {
            "n": len(w),
            "means": [num(w[:, 0].mean()), num(w[:, 1].mean()), num(w[:, 2].mean())],
            "adequacy": describe(w[:, 2] - w[:, 0]),
            "superiority": describe(w[:, 2] - w[:, 1]),
        }
    return out


def write(name, value):
    (DIR / name).write_text(json.dumps(value, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if "--make-data" in sys.argv:
        make_data()
    write("expected-stats.json", stats_expected())
    write(
        "expected-report.json",
        report_expected(ROOT / "test/fixtures/surveys/analysis-reference.yaml", DIR / "responses-reference.csv", "visit_freq"),
    )
    print("wrote", DIR / "expected-stats.json", DIR / "expected-report.json")
