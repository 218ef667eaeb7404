"""Disjoint sets (union-find), for the stages that group things: claims, entities across articles."""

from __future__ import annotations

from collections import defaultdict


class Groups:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]  # path halving
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """`j`'s group joins `i`'s; `i`'s root stays the root."""
        self.parent[self.find(j)] = self.find(i)

    def sets(self) -> list[list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.find(i)].append(i)
        return list(found.values())
