# Renders resources/icon.svg's shapes to a 512x512 PNG without any imaging library.
import math, struct, zlib, sys

W = H = 512
SS = 4  # vertical sub-rows per pixel
img = [[(0, 0, 0, 0)] * W for _ in range(H)]

def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))

def fill(poly, color):
    r, g, b = hex_rgb(color)
    ys = [p[1] for p in poly]
    y0, y1 = max(0, int(min(ys))), min(H - 1, int(math.ceil(max(ys))))
    n = len(poly)
    for py in range(y0, y1 + 1):
        cov = [0.0] * W
        for s in range(SS):
            y = py + (s + 0.5) / SS
            xs = []
            for i in range(n):
                (ax, ay), (bx, by) = poly[i], poly[(i + 1) % n]
                if (ay <= y < by) or (by <= y < ay):
                    xs.append(ax + (y - ay) * (bx - ax) / (by - ay))
            xs.sort()
            for a, b2 in zip(xs[0::2], xs[1::2]):
                a, b2 = max(0.0, a), min(float(W), b2)
                if b2 <= a:
                    continue
                ia, ib = int(a), int(b2)
                if ia == ib:
                    cov[ia] += (b2 - a) / SS
                    continue
                cov[ia] += (ia + 1 - a) / SS
                for x in range(ia + 1, min(ib, W)):
                    cov[x] += 1.0 / SS
                if ib < W:
                    cov[ib] += (b2 - ib) / SS
        row = img[py]
        for x in range(W):
            c = min(1.0, cov[x])
            if c <= 0:
                continue
            dr, dg, db, da = row[x]
            da_f = da / 255
            out_a = c + da_f * (1 - c)
            mix = lambda src, dst: (src * c + dst * da_f * (1 - c)) / out_a
            row[x] = (round(mix(r, dr)), round(mix(g, dg)), round(mix(b, db)), round(out_a * 255))

def rounded_rect(x, y, w, h, rad, steps=24):
    pts = []
    for cx, cy, start in ((x + w - rad, y + rad, -90), (x + w - rad, y + h - rad, 0), (x + rad, y + h - rad, 90), (x + rad, y + rad, 180)):
        for i in range(steps + 1):
            t = math.radians(start + 90 * i / steps)
            pts.append((cx + rad * math.cos(t), cy + rad * math.sin(t)))
    return pts

def stroke(x1, y1, x2, y2, width):
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    nx, ny = -dy / length * width / 2, dx / length * width / 2
    return [(x1 + nx, y1 + ny), (x2 + nx, y2 + ny), (x2 - nx, y2 - ny), (x1 - nx, y1 - ny)]

fill(rounded_rect(32, 32, 448, 448, 96), '#1F4E89')
fill([(96, 150), (248, 176), (248, 400), (96, 374)], '#FFF8E7')
fill([(264, 176), (416, 150), (416, 374), (264, 400)], '#FFF8E7')
for line in [(120, 206, 224, 224), (120, 246, 224, 264), (120, 286, 224, 304), (120, 326, 224, 344),
             (288, 224, 392, 206), (288, 264, 392, 246), (288, 304, 392, 286), (288, 344, 340, 335)]:
    fill(stroke(*line, 10), '#8FA6C4')
fill([(356, 160), (384, 155), (384, 250), (370, 236), (356, 252)], '#D64541')

raw = b''.join(b'\x00' + b''.join(struct.pack('4B', *p) for p in row) for row in img)
def chunk(tag, data):
    return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
