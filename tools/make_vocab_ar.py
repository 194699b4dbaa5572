#!/usr/bin/env python3
"""Writes src/entity/data/vocab-ar.bin: a Bloom filter of the common Arabic word cores.

    pip install wordfreq==3.1.1 && python3 tools/make_vocab_ar.py    # from the crate root

Source: wordfreq 3.1.1 (PyPI; code Apache-2.0, word frequency data CC BY-SA 4.0, Robyn Speer
et al.; Arabic from Wikipedia, subtitles, news, web text, Twitter). Every Arabic word of its
list with a Zipf frequency of at least 3.5 (about once per 300,000 words) is folded and split
as the tagger does (src/entity/features.rs: alef variants as ا, ى as ي, ة as ه, marks and
tatweel removed; proclitics و/ف, ب/ك/ل and the article ال off while three letters or more
remain) and its *core* goes into the filter. Only hashes are stored, never words.

File format (little-endian): magic `VOCB`, u8 hash count k, u32 bit count m, then m/8 bytes;
a core whose 64-bit hash (`features::hash_bytes`) is h sets bits ((h + i * ((h >> 32) | 1)) mod 2^64) mod m
for i in 0..k (see src/entity/vocabulary.rs).
"""
import os
import struct

from wordfreq import top_n_list, zipf_frequency

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "entity", "data", "vocab-ar.bin")
MIN_ZIPF = 3.5
BITS_PER_CORE = 9.6  # ~1% false positives with k = 7
K = 7
MASK = (1 << 64) - 1


def fold(w):
    out = []
    for c in w:
        o = ord(c)
        if c in "أإآٱ":
            out.append("ا")
        elif c == "ى":
            out.append("ي")
        elif c == "ة":
            out.append("ه")
        elif 0x64B <= o <= 0x65F or o == 0x670 or o == 0x640:
            pass
        elif 0x621 <= o <= 0x64A:
            out.append(c)
        else:
            return None
    return "".join(out)


def split(f):
    """features::split_proclitics: (clitic letters, article follows)."""
    ch = list(f) + ["\0"] * 6
    total = len(f)
    i = 0
    if total >= 5 and ch[0] in "وف":
        i = 1
    prep = False
    if total >= i + 4 and ch[i] in "بكل":
        if ch[i] == "ل" and ch[i + 1] == "ل" and total >= i + 5:
            return i + 1, True
        prep = True
        i += 1
    article = total >= i + 4 and ch[i] == "ا" and ch[i + 1] == "ل"
    if not prep and i == 1 and total < 5:
        return 0, article
    return i, article


def core(f):
    c, article = split(f)
    stem = f[c:]
    if c > 0 and f[:c].endswith("ل") and stem.startswith("ل"):
        stem = "ا" + stem
    if article or (stem.startswith("ال") and len(stem) >= 5):
        stem = stem[2:]
    return stem


def finish(h):
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK
    h ^= h >> 33
    return h


def hash_bytes(b):
    h = 0xCBF29CE484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001B3) & MASK
    return finish(h)


def main():
    cores = set()
    for w in top_n_list("ar", 400000):
        if zipf_frequency(w, "ar") < MIN_ZIPF:
            break
        f = fold(w)
        if f:
            k = core(f)
            if len(k) >= 2:
                cores.add(k)
    m = (int(len(cores) * BITS_PER_CORE) + 7) // 8 * 8
    bits = bytearray(m // 8)
    for c in sorted(cores):
        h = hash_bytes(c.encode())
        step = (h >> 32) | 1
        for i in range(K):
            at = ((h + i * step) & MASK) % m
            bits[at // 8] |= 1 << (at % 8)
    with open(OUT, "wb") as out:
        out.write(b"VOCB" + struct.pack("<BI", K, m) + bytes(bits))
    print(f"{len(cores)} cores, {m} bits, {len(bits) + 9} bytes -> {OUT}")


if __name__ == "__main__":
    main()
