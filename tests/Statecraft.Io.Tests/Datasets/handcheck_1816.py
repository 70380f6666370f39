"""Independent hand check of one historical region-year for DyadYearHistoryTests.

Recomputes, from the raw peacesciencer CSVs in ../shared/data (not the project's files or code),
τ_b, S, capability-weighted S and War Trap EU for Russia (365) attacking Austria (300) in 1816 with
ATOP alliances and the relevant-region rule (the target's home region, Europe, plus major powers).
τ_b is counted pair by pair over the 23 members' portfolios (not from a 4x4 table as the C# code
does); capabilities are discounted over capital-to-capital miles, 0 for land neighbours, at 250
miles a day (before 1918). Run: python3 handcheck_1816.py (prints the values the test expects).
"""
import csv, math, os

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data")
YEAR, I, J = 1816, 365, 300


def rows(*path):
    with open(os.path.join(SHARED, *path)) as f:
        return list(csv.DictReader(f))


members = sorted({int(r["ccode"]) for r in rows("cow", "cow_states2016_peacesciencer.csv")
                  if int(r["styear"]) <= YEAR <= int(r["endyear"])})
cinc = {int(r["ccode"]): float(r["cinc"]) for r in rows("cow", "nmc_v7", "cow_nmc_v7_peacesciencer.csv") if int(r["year"]) == YEAR}
capital = {}
for r in rows("conflict", "cow_capitals_peacesciencer.csv"):
    if r["stdate"][:4] <= str(YEAR) <= r["enddate"][:4]:
        capital[int(r["ccode"])] = (float(r["lat"]), float(r["lng"]))
land = set()
for r in rows("conflict", "cow_contdir_v3.2_peacesciencer.csv"):
    if r["conttype"] == "1" and r["stdate"][:4] <= str(YEAR) <= r["enddate"][:4]:
        land.add((int(r["ccode1"]), int(r["ccode2"])))
rank = {}
for r in rows("cow", "alliances", "atop_v5_dyadyear_peacesciencer.csv"):
    if int(r["year"]) != YEAR:
        continue
    a, b = int(r["ccode1"]), int(r["ccode2"])
    k = 1 if r["atop_defense"] == "1" or r["atop_offense"] == "1" else 2 if r["atop_neutral"] == "1" or r["atop_nonagg"] == "1" else 3 if r["atop_consul"] == "1" else 4
    rank[(a, b)] = min(rank.get((a, b), 4), k)
majors = {int(r["ccode"]) for r in rows("conflict", "cow_majors2016_peacesciencer.csv") if int(r["styear"]) <= YEAR <= int(r["endyear"])}


def tie(a, b):
    return 1 if a == b else min(rank.get((a, b), 4), rank.get((b, a), 4))


def tau_b(a, b):
    x = [tie(a, k) for k in members]
    y = [tie(b, k) for k in members]
    conc = disc = tx = ty = 0
    for p in range(len(x)):
        for q in range(p + 1, len(x)):
            dx, dy = x[p] - x[q], y[p] - y[q]
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                tx += 1
            elif dy == 0:
                ty += 1
            elif dx * dy > 0:
                conc += 1
            else:
                disc += 1
    den = math.sqrt((conc + disc + tx) * (conc + disc + ty))
    return 0.0 if den == 0 else (conc - disc) / den


def s_measure(a, b, weighted=False):
    w = [cinc[k] if weighted else 1.0 for k in members]
    d = sum(wk * abs(tie(a, k) - tie(b, k)) for wk, k in zip(w, members))
    return 1 - 2 * (d / 3) / sum(w)


def miles(a, b):
    if a == b or (a, b) in land or (b, a) in land:
        return 0.0
    (la1, lo1), (la2, lo2) = capital[a], capital[b]
    p1, p2 = math.radians(la1), math.radians(la2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lo2 - lo1) / 2) ** 2
    return 2 * 3958.8 * math.asin(min(1, math.sqrt(h)))


def c(a, b):
    return cinc[a] ** math.log10(miles(a, b) / 250 + 10 - math.e)


def eu(i, j):
    u = {(a, b): tau_b(a, b) for a in members for b in members}
    p = c(i, j) / (c(i, j) + c(j, j))
    bilateral = p * (1 - u[i, j]) + (1 - p) * (u[i, j] - 1)
    third, count = 0.0, 0
    for k in members:
        if k in (i, j) or not (200 <= k < 400 or k in majors):
            continue
        m = max(c(k, j), c(k, i))
        pik = (c(i, j) + m) / (c(i, j) + m + c(j, j))
        pjk = (c(j, i) + m) / (c(j, i) + m + c(i, i))
        third += (pik + pjk - 1) * (u[k, i] - u[k, j])
        count += 1
    return bilateral, third, count


print("members", len(members))
print("tau_b", repr(tau_b(I, J)))
print("s", repr(s_measure(I, J)))
print("weighted_s", repr(s_measure(I, J, True)))
print("eu parts", eu(I, J))
