"""Writes COUNT text files of about SIZE bytes under ROOT, 500 per folder, from a fixed seed (same bytes every build)."""
import os
import random
import sys

root, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
for index in range(count):
    folder = os.path.join(root, f"part-{index // 500:02d}")
    os.makedirs(folder, exist_ok=True)
    target = rng.randint(size // 2, size * 3 // 2)
    text, length = [], 0
    while length < target:
        word = rng.choice(words)
        text.append(word)
        length += len(word) + 1
    with open(os.path.join(folder, f"file-{index:06d}.txt"), "w") as out:
        out.write(" ".join(text))
