"""The situation report: the export contract (a story dict) as one self-contained HTML page and as Markdown.

`html(story)` and `markdown(story)` are plain functions; `write(story, folder)` writes both. The page
inlines its CSS, its script and the charting library (installed by `make js`), so it opens on a machine
with no network and asks for nothing.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from sitrep.errors import UsageProblem
from sitrep.groups import Groups
from sitrep.text import QUOTE_FOLDING

CHART_JS = Path(__file__).parent / "vendor" / "chart.umd.min.js"
TEMPLATES = Path(__file__).parent / "templates"
# A word (with inner apostrophes and hyphens) or one punctuation mark, with the space after it.
_WORDS = re.compile(r"\w[\w'’-]*\s*|[^\w\s]\s*")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!{}])")
# As HTML entities, which every Markdown renderer shows as text (not all take a backslash before "<").
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def html(story: dict) -> str:
    """The report as one HTML page with nothing to fetch."""
    return _html(view(story))


def markdown(story: dict) -> str:
    """The report as Markdown; its links point into index.html beside it."""
    return _markdown(view(story))


def write(story: dict, folder: Path) -> Path:
    """Write folder/index.html and folder/report.md; return the page's path."""
    shown = view(story)
    page = _html(shown)  # first: a missing charting library stops before anything is written
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(page, encoding="utf-8")
    (folder / "report.md").write_text(_markdown(shown), encoding="utf-8")
    return folder / "index.html"


def view(story: dict) -> dict:
    """What the templates show, computed once from the story."""
    documents = {d["id"]: _document_view(d) for d in story["documents"]}
    entities = {e["id"]: e for e in story["entities"]}
    claims = [_claim_view(c, documents, entities) for c in story.get("claims", [])]
    by_id = {c["id"]: c for c in claims}
    disputes = []
    for number, dispute in enumerate(story.get("disputes", []), 1):
        a, b = by_id[dispute["a"]], by_id[dispute["b"]]
        target = anchor("dispute", number)
        a["disputes"].append("#" + target)
        b["disputes"].append("#" + target)
        disputes.append({"anchor": target, "number": number, "reason": dispute["reason"], "sides": [a, b]})
    claims.sort(key=lambda c: (-c["independent_origins"], -len(c["documents"]), c["text"]))
    background = sum(len(c["documents"]) == 1 and not c["disputes"] for c in claims)
    claims = [c for c in claims if len(c["documents"]) > 1 or c["disputes"]]
    events = [_story_event_view(e, documents, entities) for e in story.get("story_events", [])]
    events = [e for e in events if e["articles"] > 1 or e["disputes"] or e["fatalities"]]
    events.sort(key=lambda e: (-len(e["disputes"]), -e["articles"], e["date"] or "", e["id"]))
    dated = sorted(d["published"] for d in documents.values() if d["published"])
    copies = _copy_groups(story["reuse"], documents)
    numbers = {
        "articles": len(documents),
        "outlets": len({d["outlet"] for d in documents.values() if d["outlet"]}),
        "first": dated[0] if dated else None,
        "last": dated[-1] if dated else None,
        "undated": len(documents) - len(dated),
        "entities": len(entities),
        "attributions": len(story["attributions"]),
        "claims": len(claims),
        "background": background,
        "events": len(events),
        "disputes": len(disputes),
        "reuse": len(story["reuse"]),
    }
    return {
        "numbers": numbers,
        "events": events,
        "disputes": disputes,
        "claims": claims,
        "speakers": _speakers(story["attributions"], documents, entities),
        "copies": copies,
        "timeline": _timeline(documents, claims),
        "articles": _articles(story, documents, copies, {c["id"] for c in claims}),
    }


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """What `new` changed in `old`, word by word: ("same"|"del"|"ins", text) pieces; same and ins rebuild `new`."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, [_word_key(w) for w in a], [_word_key(w) for w in b], autojunk=False)
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("ins", "".join(b[j1:j2])))
    return pieces


def highlight(text: str, marks: list[dict]) -> Markup:
    """Escaped text with marks (start, end, classes, anchor, title) as spans; marks may overlap.

    The text is cut at every mark boundary and each piece carries the classes of the marks covering it
    and their anchors in `data-m`; an empty element with the anchor as id stands where an anchor first starts.
    Empty marks, and marks outside the text, are left out.
    """
    marks = [m for m in marks if 0 <= m["start"] < m["end"] <= len(text)]
    cuts = sorted({0, len(text), *(m["start"] for m in marks), *(m["end"] for m in marks)})
    starting, ending = defaultdict(list), defaultdict(list)
    for number, mark in enumerate(marks):
        starting[mark["start"]].append(number)
        ending[mark["end"]].append(number)
    out, placed, covering = [], set(), {}  # covering: the marks over the current piece, in order
    for start, end in pairwise(cuts):
        for number in ending[start]:
            covering.pop(number, None)
        for number in starting[start]:
            covering[number] = marks[number]
            name = marks[number].get("anchor")
            if name and name not in placed:
                placed.add(name)
                out.append(Markup('<span class="anchor" id="{}"></span>').format(name))
        piece = escape(text[start:end])
        if not covering:
            out.append(piece)
            continue
        shown = covering.values()
        classes = " ".join(sorted({c for m in shown for c in m["classes"].split()}))
        anchors = " ".join(dict.fromkeys(m["anchor"] for m in shown if m.get("anchor")))
        titles = "\n".join(dict.fromkeys(m["title"] for m in shown if m.get("title")))
        out.append(Markup('<span class="{}" data-m="{}" title="{}">{}</span>').format(classes, anchors, titles, piece))
    return Markup("").join(out)


def anchor(*parts) -> str:
    """An id usable in a URL fragment as it is (ids come from data: keep ASCII letters, digits, _ . -)."""
    return "-".join(re.sub(r"[^A-Za-z0-9_.-]+", "_", str(p)) for p in parts)


def _html(shown: dict) -> str:
    return _environment(autoescape=True).get_template("report.html.j2").render(**shown, chart_js=_chart_library())


def _markdown(shown: dict) -> str:
    env = _environment(autoescape=False, finalize=_markdown_text)
    env.filters["link"] = _markdown_link
    env.filters["diff"] = _markdown_diff
    env.filters["doc"] = lambda d: Markup("".join(
        [f"[{_markdown_text(d['label'])}]({_markdown_link(d['href'])})",
         *(", " + _markdown_text(d[key]) for key in ("outlet", "published") if d[key])]))
    return env.get_template("report.md.j2").render(**shown)


def _markdown_diff(pieces: list[tuple[str, str]]) -> Markup:
    """~~dropped~~ and **added** words, the markers set off by spaces (CommonMark ignores a `**` between a
    letter and a comma)."""
    out = []
    for op, text in pieces:
        marker = {"del": "~~", "ins": "**"}.get(op)
        shown = _markdown_escape(re.sub(r"\s+", " ", text))  # the unchanged words too
        out.append(f" {marker}{shown.strip()}{marker} " if marker else shown)
    return Markup(re.sub(" +", " ", "".join(out)).strip())


def _markdown_link(href: str) -> Markup:
    return Markup("index.html" + href)  # hrefs are made by anchor(): nothing in them to escape


def _environment(autoescape: bool, finalize=None) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=autoescape,
                             finalize=finalize, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["plural"] = lambda n, word, many=None: f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"
    return env


def _chart_library() -> Markup:
    if not CHART_JS.is_file():
        raise UsageProblem.CHART_LIBRARY_MISSING.error(path=CHART_JS)
    code = CHART_JS.read_text(encoding="utf-8")
    # The source map comment would point at a file the page does not have; "</" would end the script.
    code = re.sub(r"//# sourceMappingURL=\S+\s*$", "", code).replace("</", "<\\/")
    return Markup(code)


def _markdown_text(value):
    """Every value a Markdown template prints is escaped and kept on one line, unless marked Markup."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return _markdown_escape(" ".join(str(value).split()))


def _markdown_escape(text: str) -> str:
    """Text shown as it is in Markdown: & < > as entities, Markdown's own marks backslashed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"[&<>]", lambda m: _HTML_SPECIAL[m[0]], text))


def _word_key(word: str) -> str:
    # Quote marks folded: a copy that only changes them is not shown as rewritten.
    return word.strip().translate(QUOTE_FOLDING).lower()


def _document_view(d: dict) -> dict:
    label = d["title"] or Path(d["path"]).name + (f" ({d['url']})" if d["url"] else "")
    return {**d, "label": label, "anchor": anchor("doc", d["id"]), "href": "#" + anchor("doc", d["id"])}


def _speaker_name(speaker: str | None, entity_id: str | None, entities: dict) -> str:
    entity = entities.get(entity_id)
    return entity["name"] if entity else speaker or "unnamed source"


def _voice(said: dict, entities: dict, own: str = "the article") -> str:
    """Who gives a version or a mention: its speaker (by the merged entity's name), else the article itself."""
    return _speaker_name(said.get("speaker"), said.get("speaker_entity"), entities) if said.get("speaker") else own


def _member_speaker(member: dict, document: dict, entities: dict) -> str:
    """Who stands behind one assertion of a claim: its speaker, the article itself for its own voice,
    or nobody named for a claim known only from its denial."""
    kind = member.get("kind")
    if kind == "narration":
        return f"the article ({document['outlet']})" if document.get("outlet") else "the article itself"
    if kind == "denied":
        return "unnamed, reported in a denial"
    return _speaker_name(member["speaker"], member["speaker_entity"], entities)


def _claim_view(claim: dict, documents: dict, entities: dict) -> dict:
    members = []
    for number, m in enumerate(claim["members"]):
        document = documents[m["document"]]
        target = anchor("a", m["attribution"]) if m["attribution"] is not None else anchor("c", claim["id"], number)
        members.append({
            "document": document, "quote": document["text"][m["start"]:m["end"]], "href": "#" + target,
            "speaker": _member_speaker(m, document, entities), "via": m["via"],
        })
    origins, articles = claim["independent_origins"], len(claim["documents"])
    if origins > 1:
        badge = ("independent", f"{origins} independent origins")
    elif articles > 1:
        badge = ("single-origin", f"{articles} articles, 1 origin")
    else:
        badge = ("single", "1 article")
    return {
        "id": claim["id"], "anchor": anchor("claim", claim["id"]), "text": claim["text"],
        "independent_origins": origins, "badge": badge, "members": members, "disputes": [],
        "documents": [documents[d] for d in claim["documents"]],
        "speakers": list(dict.fromkeys(m["speaker"] for m in members)),
        "chains": list(dict.fromkeys(" → ".join(m["via"]) for m in members if m["via"])),
    }


def _story_event_view(event: dict, documents: dict, entities: dict) -> dict:
    """One real event across articles: what, when, where, the dead as UCDP's low / best / high with the
    source of the best figure, who is blamed by whom, its disputes, and every mention with its source."""
    place = event.get("place") or {}
    names = [place.get("name"), place.get("country")]
    where = ", ".join(dict.fromkeys(n for n in names if n))
    versions = {v["id"]: v for v in event["versions"]}
    blamed: dict[str, list[str]] = {}
    for v in event["versions"]:
        if v["slot"] == "responsibility":
            speaker = _voice(v, entities)
            blamed.setdefault(v["value"], [])
            if speaker not in blamed[v["value"]]:
                blamed[v["value"]].append(speaker)
    fatalities = event.get("fatalities")
    if fatalities:
        best = versions.get(fatalities["best_from"], {})
        fatalities = {**fatalities, "best_by": _voice(best, entities, "an article in its own voice"),
                      "best_date": best.get("published")}
    mentions = []
    for m in event["mentions"]:
        document = documents[m["document"]]
        target = anchor("a", m["attribution"]) if m["attribution"] is not None else document["anchor"]
        mentions.append({"document": document, "quote": m["text"], "href": "#" + target, "status": m["status"],
                         "speaker": _voice(m, entities), "via": m["via"]})
    return {
        "id": event["id"], "anchor": anchor("event", event["id"]), "type": event["type"],
        "sub_type": event["sub_type"], "status": event["status"], "date": event["date"], "place": where or None,
        "articles": len(event["documents"]), "fatalities": fatalities, "injured": event.get("injured"),
        "blamed": [{"side": side, "by": by} for side, by in blamed.items()],
        "disputes": [d["reason"] for d in event["disputes"]], "mentions": mentions,
    }


def _speakers(attributions: list[dict], documents: dict, entities: dict) -> list[dict]:
    """Attributions grouped by speaker: the (merged) entity where resolved, else the words naming them."""
    groups: dict[str, dict] = {}
    for a in attributions:
        key = a["speaker_entity"] or "name:" + (a["speaker"] or "").lower()
        entity = entities.get(a["speaker_entity"])
        group = groups.setdefault(key, {
            "name": _speaker_name(a["speaker"], a["speaker_entity"], entities),
            "type": entity["type"] if entity else None, "anchor": anchor("speaker", key),
            "unnamed": not (entity or a["speaker"]),
            "attributions": [], "forms": {}, "documents": {}})
        group["forms"][a["speaker"]] = True
        group["documents"][a["document"]] = documents[a["document"]]
        group["attributions"].append({**a, "href": "#" + anchor("a", a["id"]), "doc": documents[a["document"]]})
    for group in groups.values():
        group["forms"] = [f for f in group["forms"] if f and f != group["name"]]
        group["documents"] = list(group["documents"].values())
        group["attributions"].sort(key=lambda a: (a["doc"]["label"], a["start"]))
    # Unnamed sources last: they are many and say least about who stands behind what.
    return sorted(groups.values(), key=lambda g: (g["unnamed"], -len(g["attributions"]), g["name"].lower()))


def _copy_groups(reuse: list[dict], documents: dict) -> list[dict]:
    """Reused passages in groups, one passage an article, the origin first.

    Passages a reuse link joins, or that overlap in one article, are one group (a wire story copied by
    several outlets gives one link for each pair); an article's passages in a group are shown as the one
    stretch they span. Each copy is compared with the origin's passage.
    """
    nodes: dict[tuple[str, int, int], int] = {}  # passage → its number
    for r in reuse:
        nodes.setdefault((r["copy"], r["copy_start"], r["copy_end"]), len(nodes))
        nodes.setdefault((r["origin"], r["origin_start"], r["origin_end"]), len(nodes))
    joined = Groups(len(nodes))
    copies = []  # (copying article, its passage's node, whether the order is known)
    for r in reuse:
        copy = nodes[r["copy"], r["copy_start"], r["copy_end"]]
        joined.union(copy, nodes[r["origin"], r["origin_start"], r["origin_end"]])
        copies.append((r["copy"], copy, r["directed"]))
    spans = defaultdict(list)
    for (document, start, end), i in nodes.items():
        spans[document].append((start, end, i))
    for passages in spans.values():
        passages.sort()
        reach, widest = -1, -1
        for start, end, i in passages:
            if start < reach:
                joined.union(widest, i)
            if end > reach:
                reach, widest = end, i
    stretches: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for (document, start, end), i in nodes.items():
        old = stretches[joined.find(i)].get(document, (start, end))
        stretches[joined.find(i)][document] = (min(old[0], start), max(old[1], end))
    copied, directed = defaultdict(set), set()
    for document, copy, is_directed in copies:
        if is_directed:
            copied[joined.find(copy)].add(document)
            directed.add(joined.find(copy))

    groups = []
    for key, by_document in stretches.items():
        order = sorted(by_document, key=lambda d: (d in copied[key], documents[d]["published"] or "9999",
                                                   documents[d]["label"].lower()))
        passages = [{"document": documents[d], "start": by_document[d][0], "end": by_document[d][1],
                     "text": documents[d]["text"][by_document[d][0]:by_document[d][1]]} for d in order]
        for passage in passages[1:]:
            passage["diff"] = word_diff(passages[0]["text"], passage["text"])
            passage["added"] = sum(len(t.split()) for op, t in passage["diff"] if op == "ins")
            passage["dropped"] = sum(len(t.split()) for op, t in passage["diff"] if op == "del")
        groups.append({"origin": passages[0], "copies": passages[1:], "directed": key in directed})
    groups.sort(key=lambda g: (-len(g["copies"]), g["origin"]["document"]["published"] or "9999",
                               g["origin"]["document"]["label"].lower()))
    for number, group in enumerate(groups, 1):
        group["number"] = number
        for passage in (group["origin"], *group["copies"]):
            passage["anchor"] = anchor("copy", number, passage["document"]["id"])
            passage["href"] = "#" + passage["anchor"]
    return groups


def _timeline(documents: dict, claims: list[dict]) -> dict:
    """Dated articles, and claims at the earliest date of an article carrying them."""
    points = [{"lane": "Articles", "date": d["published"], "label": d["label"], "href": d["href"]}
              for d in documents.values() if d["published"]]
    for claim in claims:
        dates = [d["published"] for d in claim["documents"] if d["published"]]
        if dates:
            points.append({"lane": "Claims", "date": min(dates), "label": claim["text"],
                           "href": "#" + claim["anchor"]})
    points.sort(key=lambda p: (p["date"], p["lane"], p["label"]))
    undated = sorted((d for d in documents.values() if not d["published"]), key=lambda d: d["label"].lower())
    return {"points": points, "undated": undated}


def _articles(story: dict, documents: dict, copies: list[dict], listed: set[str]) -> list[dict]:
    """Each article's text with its highlights, and what it holds for the margin (its claims, linked to the
    claims list when listed there); oldest first, undated last."""
    entities, attributions, members, reused = (defaultdict(list) for _ in range(4))
    for entity in story["entities"]:
        for document in entity["documents"]:
            entities[document].append(entity)
    for a in story["attributions"]:
        attributions[a["document"]].append(a)
    for claim in story.get("claims", []):
        for number, m in enumerate(claim["members"]):
            members[m["document"]].append((claim, number, m))
    for group in copies:
        for passage in (group["origin"], *group["copies"]):
            reused[passage["document"]["id"]].append((group, passage))
    order = sorted(documents.values(), key=lambda d: (d["published"] or "9999", d["label"].lower()))
    return [_article(d, entities[d["id"]], attributions[d["id"]], members[d["id"]], reused[d["id"]], listed)
            for d in order]


def _article(document: dict, entities: list[dict], attributions: list[dict], members: list, reused: list,
             listed: set[str]) -> dict:
    text, marks = document["text"], []
    for entity in entities:
        names = sorted({n for n in (entity["name"], *entity["aliases"]) if len(n) > 1}, key=len, reverse=True)
        if names:
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
            marks += [{"start": m.start(), "end": m.end(), "classes": f"ent ent-{entity['type']}",
                       "title": f"{entity['name']} ({entity['type']})"} for m in pattern.finditer(text)]
    quoted = []
    for a in sorted(attributions, key=lambda a: a["start"]):
        title = f"{a['speaker'] or 'unnamed source'} · {a['cue']} · {a['kind']}"
        marks += [{"start": s["start"], "end": s["end"], "classes": f"{role} {a['kind']}", "title": title,
                   "anchor": anchor("a", a["id"])} for role in ("source", "cue", "content") for s in a["spans"][role]]
        quoted.append({"speaker": a["speaker"] or "unnamed source", "cue": a["cue"],
                       "href": "#" + anchor("a", a["id"])})
    claims = {}
    for claim, number, m in members:
        marks.append({"start": m["start"], "end": m["end"], "classes": "claim",
                      "anchor": anchor("c", claim["id"], number), "title": f"claim: {claim['text']}"})
        claims[claim["id"]] = {"text": claim["text"],
                               "href": "#" + anchor("claim", claim["id"]) if claim["id"] in listed else None}
    copies = []
    for group, passage in reused:
        origin = group["origin"]["document"]["label"]
        is_origin = passage is group["origin"]
        marks.append({"start": passage["start"], "end": passage["end"], "classes": "reuse", "anchor": passage["anchor"],
                      "title": "origin of a reused passage" if is_origin else f"reused from {origin}"})
        copies.append({"href": f"#copies-{group['number']}", "origin": is_origin, "from": origin,
                       "others": len(group["copies"])})
    marks += [{"start": f["start"], "end": f["end"], "classes": "foreign", "title": f"in {f['language']}"}
              for f in document["foreign"]]
    return {"document": document, "text": highlight(text, marks), "quoted": quoted,
            "claims": list(claims.values()), "copies": copies}
