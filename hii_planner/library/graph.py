"""Graph algorithms over module prerequisites: cycle finding and ordered topological sort."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any


def find_cycles(
    nodes: Sequence[str], edges: Mapping[str, Sequence[str]], *, limit: int = 20
) -> list[list[str]]:
    """Cycles in a directed graph, each as a closed path ``[a, b, c, a]``.

    Iterative depth-first search, so long chains cannot exhaust the stack; every
    cycle found through a back edge is reported once, starting at its smallest node.
    """
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(nodes, white)
    found: dict[tuple[str, ...], list[str]] = {}
    for root in nodes:
        if colour[root] != white:
            continue
        colour[root] = grey
        path = [root]
        iterators = [iter(edges.get(root, ()))]
        while iterators:
            node = next(iterators[-1], None)
            if node is None:
                colour[path.pop()] = black
                iterators.pop()
                continue
            state = colour.get(node)
            if state is None:
                continue  # an unknown reference, reported elsewhere
            if state == grey:
                cycle = path[path.index(node) :]
                start = cycle.index(min(cycle))
                rotated = tuple(cycle[start:] + cycle[:start])
                found.setdefault(rotated, [*rotated, rotated[0]])
                if len(found) >= limit:
                    return list(found.values())
            elif state == white:
                colour[node] = grey
                path.append(node)
                iterators.append(iter(edges.get(node, ())))
    return list(found.values())


def ordered_topological_sort(
    nodes: Iterable[str],
    before: Mapping[str, Iterable[str]],
    key: Callable[[str], Any],
) -> list[str]:
    """Order *nodes* so that every ``before[n]`` precedes ``n``, smallest *key* first.

    Among the nodes that are free to go next, the one with the smallest key goes;
    a node's key is lowered to the smallest key of anything that waits for it, so
    prerequisites are pulled forward with the module that needs them instead of
    waiting for their own turn. Raises ``ValueError`` on a cycle.
    """
    node_list = list(nodes)
    present = set(node_list)
    waiting_on: dict[str, set[str]] = {n: set() for n in node_list}
    followers: dict[str, list[str]] = {n: [] for n in node_list}
    for node in node_list:
        for earlier in before.get(node, ()):
            if earlier in present and earlier != node and earlier not in waiting_on[node]:
                waiting_on[node].add(earlier)
                followers[earlier].append(node)

    effective = {n: key(n) for n in node_list}
    # Lower prerequisites' keys to their followers', in reverse topological order.
    for node in reversed(_plain_topological_order(node_list, waiting_on, followers)):
        for follower in followers[node]:
            effective[node] = min(effective[node], effective[follower])

    remaining = {n: len(waiting_on[n]) for n in node_list}
    ready = [(effective[n], key(n), n) for n in node_list if remaining[n] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        *_, node = heapq.heappop(ready)
        order.append(node)
        for follower in followers[node]:
            remaining[follower] -= 1
            if remaining[follower] == 0:
                heapq.heappush(ready, (effective[follower], key(follower), follower))
    if len(order) != len(node_list):
        raise ValueError("the ordering constraints form a cycle")
    return order


def _plain_topological_order(
    nodes: list[str], waiting_on: Mapping[str, set[str]], followers: Mapping[str, list[str]]
) -> list[str]:
    remaining = {n: len(waiting_on[n]) for n in nodes}
    queue = [n for n in nodes if remaining[n] == 0]
    order: list[str] = []
    while queue:
        node = queue.pop()
        order.append(node)
        for follower in followers[node]:
            remaining[follower] -= 1
            if remaining[follower] == 0:
                queue.append(follower)
    if len(order) != len(nodes):
        raise ValueError("the ordering constraints form a cycle")
    return order
