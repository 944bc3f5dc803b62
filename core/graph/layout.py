"""A deterministic layered layout of a ``GraphModel`` (pure Python, no Qt).

Every renderer (the Qt scene, the PNG/SVG export, tests) places nodes, edge
routes and edge labels from the one ``GraphLayout`` computed here, so the
pictures agree and the no-overlap guarantee is tested once.

The method is a small Sugiyama layout, left to right:

1. cycles are broken by reversing DFS back edges (in table order);
2. nodes get layers by longest path; layer ``L`` is rank ``2L``;
3. every edge gets a *label item* in the odd rank just after its tail, and a
   thin *dummy item* in every further rank it crosses, so labels are laid out
   like nodes and can never overlap a node or each other;
4. items in each rank are ordered by barycenter sweeps (fewest crossings kept);
5. vertical positions: each item is pulled to the mean of its neighbours,
   keeping its order and minimum gaps (isotonic regression, exact);
6. routes run straight through each rank's column and curve (cubic, with
   horizontal tangents) only in the empty gaps between columns;
7. self-loops are nested arches over the node's top, narrowest label inside;
   the space they need is reserved above the node.

Text sizes come from ``measure`` callbacks so a renderer with real font
metrics (Qt) gets exact boxes; the default is ``core.graph.text_size``'s estimate.
The result's shapes are ``core.graph.geometry``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.graph.geometry import EdgeLayout, GraphLayout, NodeLayout, Point, Rect, Segment, Size
from core.graph.model import GraphEdge, GraphModel, GraphNode
from core.graph.text_size import default_label_size, default_node_size

#: Gap between two neighbouring columns (the only place edges curve).
COLUMN_GAP = 40.0
#: Vertical gap between two items in one column.
ITEM_GAP = 18.0
#: Height of a dummy item (an edge passing through a column).
DUMMY_HEIGHT = 8.0
#: Space between the node's top and the first self-loop's label centre.
LOOP_RISE = 14.0
#: Vertical space between two stacked self-loop labels.
LOOP_STEP = 8.0
#: Margin around the whole drawing.
MARGIN = 24.0


@dataclass(slots=True)
class _Item:
    key: str  # "n:<node>", "l:<edge>", "d:<edge>:<rank>"
    kind: str  # "node", "label", "dummy"
    rank: int
    w: float
    h: float
    above: float  # extent above the centre
    below: float  # extent below the centre
    tie: float  # stable tie-break (table order)
    y: float = 0.0
    span: float = -1.0  # width the column needs (>= w), -1 for w


def _break_cycles(node_ids: Sequence[str], edges: Sequence[GraphEdge]) -> set[str]:
    """Ids of edges to reverse so the graph (without self-loops) is acyclic."""
    out: dict[str, list[GraphEdge]] = {n: [] for n in node_ids}
    indeg = dict.fromkeys(node_ids, 0)
    for e in edges:
        if e.source != e.target:
            out[e.source].append(e)
            indeg[e.target] += 1
    reversed_ids: set[str] = set()
    state = dict.fromkeys(node_ids, 0)  # 0 new, 1 on stack, 2 done
    roots = [n for n in node_ids if indeg[n] == 0] + list(node_ids)
    for root in roots:
        if state[root]:
            continue
        stack = [(root, iter(out[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            edge = next(it, None)
            if edge is None:
                state[node] = 2
                stack.pop()
                continue
            if state[edge.target] == 1:
                reversed_ids.add(edge.id)
            elif state[edge.target] == 0:
                state[edge.target] = 1
                stack.append((edge.target, iter(out[edge.target])))
    return reversed_ids


def _layers(node_ids: Sequence[str], dag: Sequence[tuple[str, str, str]]) -> dict[str, int]:
    layer = dict.fromkeys(node_ids, 0)
    # longest path: relax until stable (the graph is acyclic and small)
    for _ in range(len(node_ids) + 1):
        changed = False
        for _eid, u, v in dag:
            if layer[v] < layer[u] + 1:
                layer[v] = layer[u] + 1
                changed = True
        if not changed:
            break
    # pull a node with no predecessors right next to its first successor
    preds = {n: [u for _e, u, v in dag if v == n] for n in node_ids}
    for n in node_ids:
        succ = [layer[v] for _e, u, v in dag if u == n]
        if not preds[n] and succ:
            layer[n] = min(succ) - 1
    low = min(layer.values(), default=0)
    return {n: layer[n] - low for n in node_ids}


def _isotonic(desired: list[float], seps: list[float]) -> list[float]:
    """Positions closest (least squares) to ``desired`` with y[i+1]-y[i] >= seps[i]."""
    offsets = [0.0]
    for s in seps:
        offsets.append(offsets[-1] + s)
    target = [d - o for d, o in zip(desired, offsets, strict=True)]
    blocks: list[list[float]] = []  # [sum, count]
    for t in target:
        blocks.append([t, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    z: list[float] = []
    for s, c in blocks:
        z += [s / c] * int(c)
    return [zi + o for zi, o in zip(z, offsets, strict=True)]


def _crossings(ranks: list[list[_Item]], links: list[tuple[str, str]]) -> int:
    pos: dict[str, tuple[int, int]] = {}
    for r, items in enumerate(ranks):
        for i, it in enumerate(items):
            pos[it.key] = (r, i)
    by_rank: dict[int, list[tuple[int, int]]] = {}
    for a, b in links:
        (ra, ia), (_rb, ib) = pos[a], pos[b]
        by_rank.setdefault(ra, []).append((ia, ib))
    total = 0
    for segs in by_rank.values():
        for i, (a1, b1) in enumerate(segs):
            for a2, b2 in segs[i + 1 :]:
                if (a1 - a2) * (b1 - b2) < 0:
                    total += 1
    return total


def layout_graph(
    model: GraphModel,
    *,
    node_size: Callable[[GraphNode], Size] = default_node_size,
    label_size: Callable[[GraphEdge], Size] = default_label_size,
) -> GraphLayout:
    """Lay ``model`` out left to right; the same model always gives the same layout."""
    node_ids = [n.id for n in model.nodes]
    if not node_ids:
        return GraphLayout(width=2 * MARGIN, height=2 * MARGIN)
    order = {n: i for i, n in enumerate(node_ids)}
    edge_order = {e.id: i for i, e in enumerate(model.edges)}
    plain = [e for e in model.edges if e.source != e.target]
    loops: dict[str, list[GraphEdge]] = {n: [] for n in node_ids}
    for e in model.edges:
        if e.source == e.target:
            loops[e.source].append(e)

    flipped = _break_cycles(node_ids, plain)
    dag = [
        (e.id, e.target, e.source) if e.id in flipped else (e.id, e.source, e.target) for e in plain
    ]
    layer = _layers(node_ids, dag)

    # --- items: nodes (even ranks), labels and dummies
    items: dict[str, _Item] = {}
    sizes = {n.id: node_size(n) for n in model.nodes}
    lsizes = {e.id: label_size(e) for e in model.edges}
    loop_plan: dict[str, list[tuple[GraphEdge, float]]] = {}
    for n in model.nodes:
        w, h = sizes[n.id]
        own = sorted(loops[n.id], key=lambda e: (lsizes[e.id][0], edge_order[e.id]))
        reserve = 0.0
        widest_inner = 0.0
        plan = []
        y_off = h / 2 + LOOP_RISE  # distance from node centre up to the loop label centre
        for i, e in enumerate(own):
            lw, lh = lsizes[e.id]
            y_off += lh / 2
            plan.append((e, y_off))
            y_off += lh / 2 + LOOP_STEP
            reserve = y_off - h / 2
            if i < len(own) - 1:
                widest_inner = max(widest_inner, lw)
        loop_plan[n.id] = plan
        if own:
            # the legs of every outer loop must clear the labels inside it
            w = max(w, widest_inner + 2 * (10.0 + 6.0 * len(own)) + 12.0)
            sizes[n.id] = (w, h)
        item = _Item(
            f"n:{n.id}", "node", 2 * layer[n.id], w, h, h / 2 + reserve, h / 2, order[n.id]
        )
        # the column must be as wide as the loop labels too
        item.span = max([w] + [lsizes[e.id][0] for e in own])
        items[item.key] = item

    chains: dict[str, list[str]] = {}
    for eid, u, v in dag:
        lw, lh = lsizes[eid]
        r0, r1 = 2 * layer[u], 2 * layer[v]
        tie = order[u] + edge_order[eid] / 1000.0
        chain = [f"n:{u}"]
        key = f"l:{eid}"
        items[key] = _Item(key, "label", r0 + 1, lw, lh, lh / 2, lh / 2, tie)
        chain.append(key)
        for r in range(r0 + 2, r1):
            key = f"d:{eid}:{r}"
            items[key] = _Item(
                key, "dummy", r, 0.0, DUMMY_HEIGHT, DUMMY_HEIGHT / 2, DUMMY_HEIGHT / 2, tie
            )
            chain.append(key)
        chain.append(f"n:{v}")
        chains[eid] = chain

    nranks = max(it.rank for it in items.values()) + 1
    ranks: list[list[_Item]] = [[] for _ in range(nranks)]
    for it in sorted(items.values(), key=lambda it: (it.rank, it.tie, it.key)):
        ranks[it.rank].append(it)
    links = [(c[i], c[i + 1]) for c in chains.values() for i in range(len(c) - 1)]
    up: dict[str, list[str]] = {k: [] for k in items}
    down: dict[str, list[str]] = {k: [] for k in items}
    for a, b in links:
        down[a].append(b)
        up[b].append(a)

    # --- order within ranks: barycenter sweeps, keep the best
    def positions() -> dict[str, int]:
        return {it.key: i for items_ in ranks for i, it in enumerate(items_)}

    best = [list(r) for r in ranks]
    best_cross = _crossings(ranks, links)
    for sweep in range(8):
        pos = positions()
        rng = range(1, nranks) if sweep % 2 == 0 else range(nranks - 2, -1, -1)
        for r in rng:
            nbrs = up if sweep % 2 == 0 else down

            def bary(
                it: _Item, nbrs: dict[str, list[str]] = nbrs, pos: dict[str, int] = pos
            ) -> tuple[float, float]:
                ns = nbrs[it.key]
                if not ns:
                    return (float(pos[it.key]), it.tie)
                return (sum(pos[k] for k in ns) / len(ns), it.tie)

            ranks[r].sort(key=bary)
            for i, it in enumerate(ranks[r]):
                pos[it.key] = i
        cross = _crossings(ranks, links)
        if cross < best_cross:
            best, best_cross = [list(r) for r in ranks], cross
    ranks = best

    # --- vertical placement
    def seps(items_: list[_Item]) -> list[float]:
        return [a.below + ITEM_GAP + b.above for a, b in zip(items_, items_[1:], strict=False)]

    for items_ in ranks:
        y = 0.0
        for i, it in enumerate(items_):
            if i:
                y += items_[i - 1].below + ITEM_GAP + it.above
            it.y = y
    nbrs_list: tuple[dict[str, list[str]], ...]
    for sweep in range(12):
        if sweep % 3 == 0:
            rng, nbrs_list = range(nranks), (up,)
        elif sweep % 3 == 1:
            rng, nbrs_list = range(nranks - 1, -1, -1), (down,)
        else:
            rng, nbrs_list = range(nranks), (up, down)
        for r in rng:
            items_ = ranks[r]
            if not items_:
                continue
            desired = []
            for it in items_:
                ns = [items[k].y for nb in nbrs_list for k in nb[it.key]]
                desired.append(sum(ns) / len(ns) if ns else it.y)
            for it, y in zip(items_, _isotonic(desired, seps(items_)), strict=True):
                it.y = y

    # --- horizontal placement: one column per rank
    col_w = [max((max(it.w, it.span) for it in items_), default=0.0) for items_ in ranks]
    col_x = []
    x = 0.0
    for r in range(nranks):
        col_x.append(x)
        x += col_w[r] + (COLUMN_GAP if col_w[r] or r % 2 == 0 else COLUMN_GAP / 2)

    def rect_of(it: _Item) -> Rect:
        cx = col_x[it.rank] + col_w[it.rank] / 2
        return Rect(cx - it.w / 2, it.y - it.h / 2, it.w, it.h)

    node_rects = {nid: rect_of(items[f"n:{nid}"]) for nid in node_ids}

    # ports: spread the edges leaving/entering a node along its right/left side
    out_port: dict[str, float] = {}
    in_port: dict[str, float] = {}
    for nid in node_ids:
        rect = node_rects[nid]
        outs = sorted(
            (eid for eid, c in chains.items() if c[0] == f"n:{nid}"),
            key=lambda eid: (items[chains[eid][1]].y, edge_order[eid]),
        )
        ins = sorted(
            (eid for eid, c in chains.items() if c[-1] == f"n:{nid}"),
            key=lambda eid: (items[chains[eid][-2]].y, edge_order[eid]),
        )
        for group, store in ((outs, out_port), (ins, in_port)):
            k = len(group)
            span = min(rect.h - 16.0, 14.0 * (k - 1))
            for i, eid in enumerate(group):
                store[eid] = rect.center[1] + (i - (k - 1) / 2) * (span / max(k - 1, 1))

    edges: dict[str, EdgeLayout] = {}
    for eid, chain in chains.items():
        first, last = items[chain[0]], items[chain[-1]]
        start = (node_rects[chain[0][2:]].right, out_port[eid])
        segs: list[Segment] = []
        cur = start
        col_right = col_x[first.rank] + col_w[first.rank]
        if col_right > cur[0] + 1e-6:
            cur = (col_right, cur[1])
            segs.append(Segment("L", cur))
        label_rect = None
        for key in chain[1:]:
            it = items[key]
            y = in_port[eid] if key == chain[-1] else it.y
            left = col_x[it.rank]
            mx = (cur[0] + left) / 2
            segs.append(Segment("C", (left, y), (mx, cur[1]), (mx, y)))
            cur = (left, y)
            if key == chain[-1]:
                node_left = node_rects[last.key[2:]].left
                if node_left > cur[0] + 1e-6:
                    cur = (node_left, y)
                    segs.append(Segment("L", cur))
            else:
                if it.kind == "label":
                    label_rect = rect_of(it)
                cur = (col_x[it.rank] + col_w[it.rank], y)
                segs.append(Segment("L", cur))
        assert label_rect is not None
        edge = next(e for e in plain if e.id == eid)
        if eid in flipped:
            start, segs = _reverse(start, segs)
        edges[eid] = EdgeLayout(
            eid,
            edge.source,
            edge.target,
            start,
            tuple(segs),
            label_rect,
            loop=False,
            reversed=eid in flipped,
        )

    # self-loops: nested arches over the node's top, labels on their top bar
    for nid in node_ids:
        plan = loop_plan[nid]
        rect = node_rects[nid]
        cx, cy = rect.center
        for i, (e, y_off) in enumerate(plan):
            lw, lh = lsizes[e.id]
            leg = 10.0 + 6.0 * i
            if i:
                inner = max(lsizes[p.id][0] for p, _ in plan[:i])
                leg = max(leg, inner / 2 + 6.0 + 6.0 * i)
            leg = min(leg, rect.w / 2 - 4.0)
            bar = cy - y_off
            start = (cx + leg, rect.top)
            segs = [
                Segment("L", (cx + leg, bar + 6.0)),
                Segment("C", (cx + leg - 6.0, bar), (cx + leg, bar), (cx + leg - 6.0, bar)),
                Segment("L", (cx - leg + 6.0, bar)),
                Segment("C", (cx - leg, bar + 6.0), (cx - leg, bar), (cx - leg, bar + 6.0)),
                Segment("L", (cx - leg, rect.top)),
            ]
            label_rect = Rect(cx - lw / 2, bar - lh / 2, lw, lh)
            edges[e.id] = EdgeLayout(e.id, nid, nid, start, tuple(segs), label_rect, loop=True)

    # normalise: margin around everything, edges in table order
    boxes = [r for r in node_rects.values()] + [e.label_rect for e in edges.values()]
    xs = [p[0] for e in edges.values() for p in e.points()] + [b.left for b in boxes]
    ys = [p[1] for e in edges.values() for p in e.points()] + [b.top for b in boxes]
    xe = [p[0] for e in edges.values() for p in e.points()] + [b.right for b in boxes]
    ye = [p[1] for e in edges.values() for p in e.points()] + [b.bottom for b in boxes]
    dx, dy = MARGIN - min(xs), MARGIN - min(ys)
    nodes_out = {n: NodeLayout(n, node_rects[n].translated(dx, dy), layer[n]) for n in node_ids}
    edges_out = {e.id: _translate(edges[e.id], dx, dy) for e in model.edges}
    return GraphLayout(nodes_out, edges_out, max(xe) + dx + MARGIN, max(ye) + dy + MARGIN)


def _reverse(start: Point, segs: list[Segment]) -> tuple[Point, list[Segment]]:
    points = [start] + [s.end for s in segs]
    out = []
    for i in range(len(segs) - 1, -1, -1):
        seg, begin = segs[i], points[i]
        if seg.kind == "C":
            out.append(Segment("C", begin, seg.c2, seg.c1))
        else:
            out.append(Segment("L", begin))
    return points[-1], out


def _translate(edge: EdgeLayout, dx: float, dy: float) -> EdgeLayout:
    def mv(p: Point | None) -> Point | None:
        return None if p is None else (p[0] + dx, p[1] + dy)

    segs = tuple(Segment(s.kind, mv(s.end), mv(s.c1), mv(s.c2)) for s in edge.segments)  # type: ignore[arg-type]
    return EdgeLayout(
        edge.id,
        edge.source,
        edge.target,
        mv(edge.start),  # type: ignore[arg-type]
        segs,
        edge.label_rect.translated(dx, dy),
        edge.loop,
        edge.reversed,
    )
