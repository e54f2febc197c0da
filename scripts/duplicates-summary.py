#!/usr/bin/env python3
"""Sorts the rows of `duplicates --repo src --most 200 --seconds 300` (saved to a file) into four
kinds and counts them: boilerplate (the tool says so), migration (both sides are SQL migrations,
which are applied history and never edited), imports (at least 80% of one side's lines are an
import or re-export list, which the tool reads as code when it spans several lines) and real (the
rest). Only the rows listed are read: run with --most 200 so every row that is not boilerplate is
among them. Usage: scripts/duplicates-summary.py src ROWS_FILE [-r to print the real rows]"""
import re, sys, os
root, dup = sys.argv[1], sys.argv[2]
verbose = '-v' in sys.argv
row = re.compile(r'^D(\d+) (\S+):(\d+)-(\d+) ~ (\S+):(\d+)-(\d+)(.*)$')
cache = {}
def import_lines(path):
    if path in cache: return cache[path]
    marks = []
    inside = False
    for line in open(os.path.join(root, path), encoding='utf-8', errors='replace'):
        s = line.strip()
        if inside:
            marks.append(True)
            if re.search(r"\}\s*from\s*['\"]", s) or s.endswith(';') : inside = False
            continue
        if re.match(r'^(import|export)\b.*\{\s*$', s) and ('import' in s or ' from' not in s):
            # a multi-line import / re-export list
            inside = s.startswith('import') or s.startswith('export {') or s.startswith('export type {')
            marks.append(inside); continue
        marks.append(bool(re.match(r'^import\b', s)) or bool(re.match(r'^export (type )?\{.*\} from', s)))
    cache[path] = marks
    return marks
def share(path, a, b):
    m = import_lines(path)
    seg = m[a-1:b]
    return sum(seg) / max(1, len(seg))
counts = {}
for line in open(dup):
    r = row.match(line.strip())
    if not r: continue
    n, fa, sa, ea, fb, sb, eb, rest = r.groups()
    if 'boilerplate' in rest: k = 'boilerplate'
    elif fa.endswith('.sql') and fb.endswith('.sql'): k = 'migration'
    elif share(fa, int(sa), int(ea)) >= 0.8 or share(fb, int(sb), int(eb)) >= 0.8: k = 'imports'
    else: k = 'real'
    counts[k] = counts.get(k, 0) + 1
    if verbose and k == 'imports': print(k, line.strip())
    if '-r' in sys.argv and k == 'real': print(line.strip())
print(counts)
