#!/usr/bin/env python3
"""Generate the example scenes of Reflector Placement Studio.

Writes, relative to the repository root:

  scenes/office/office.xml        40 m x 40 m office floor (Mitsuba 2 XML, Sionna RT style)
  scenes/office/office_plan.png   top view of it, for a person to check the layout
  scenes/l_hall/l_hall.xml        small L-shaped hall
  scenes/l_hall/l_hall_plan.png   top view of it

Dev-time tool, standard library only.  The generated files are committed; CI never runs this.
Run it from anywhere:   python3 scripts/make_example_scenes.py

Modelling rules (DESIGN.md section 2): a wall is a THIN face that carries a slab thickness (Sionna's
model), so every wall is one vertical `rectangle` with the wall's material and thickness, never a
closed box.  Windows, doors and lintels are separate coplanar rectangles that exactly fill the
openings of the wall they belong to.

After writing each XML file the script parses it back, recomputes every rectangle's world corners
from the <transform> elements with its own 4x4 matrix code (Mitsuba semantics: elements applied in
document order, each one left-multiplied) and asserts they match the intended geometry.

Licence: MIT, same as the project.
"""

import math
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib
from collections import Counter, OrderedDict

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

DOOR_H = 2.1   # door leaf / opening height (m)
DOOR_W = 1.0   # standard door width (m)
EPS = 1e-9


# --------------------------------------------------------------------------------------------------
# small 4x4 matrix helpers (row-major lists), used both to build and to verify the transforms
# --------------------------------------------------------------------------------------------------

def mat_identity():
    return [[1.0 if i == j else 0.0 for j in range(4)] for i in range(4)]


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(4)) for j in range(4)] for i in range(4)]


def mat_scale(sx, sy, sz):
    m = mat_identity()
    m[0][0], m[1][1], m[2][2] = sx, sy, sz
    return m


def mat_translate(tx, ty, tz):
    m = mat_identity()
    m[0][3], m[1][3], m[2][3] = tx, ty, tz
    return m


def mat_rotate(axis, angle_deg):
    """Right-handed rotation about `axis` (normalised here), like Mitsuba's Transform::rotate."""
    ax, ay, az = axis
    n = math.sqrt(ax * ax + ay * ay + az * az)
    ax, ay, az = ax / n, ay / n, az / n
    t = math.radians(angle_deg)
    c, s = math.cos(t), math.sin(t)
    C = 1.0 - c
    m = mat_identity()
    m[0][0:3] = [c + ax * ax * C, ax * ay * C - az * s, ax * az * C + ay * s]
    m[1][0:3] = [ay * ax * C + az * s, c + ay * ay * C, ay * az * C - ax * s]
    m[2][0:3] = [az * ax * C - ay * s, az * ay * C + ax * s, c + az * az * C]
    return m


def mat_apply(m, p):
    x, y, z = p
    return tuple(m[i][0] * x + m[i][1] * y + m[i][2] * z + m[i][3] for i in range(3))


# sanity of the rotation convention: rotate x=1 angle=90 maps +y to +z and +z to -y
_r = mat_rotate((1, 0, 0), 90)
assert all(abs(a - b) < 1e-12 for a, b in zip(mat_apply(_r, (0, 1, 0)), (0, 0, 1)))
assert all(abs(a - b) < 1e-12 for a, b in zip(mat_apply(_r, (0, 0, 1)), (0, -1, 0)))
del _r


def fmt(v):
    """Compact decimal for XML attributes (metres / degrees)."""
    v = round(float(v), 6)
    if v == 0:
        v = 0.0  # no "-0"
    s = ("%.6f" % v).rstrip("0").rstrip(".")
    return s if s not in ("", "-") else "0"


# --------------------------------------------------------------------------------------------------
# scene model
# --------------------------------------------------------------------------------------------------

class Rect:
    """One Mitsuba `rectangle`: transform ops + intended world corners (for the self-check)."""

    def __init__(self, sid, material, ops, corners, kind, comment, seg2d=None):
        self.sid = sid            # shape id
        self.material = material  # bsdf id
        self.ops = ops            # list of ("scale"|"rotate"|"translate", args)
        self.corners = corners    # intended world corners, any order
        self.kind = kind          # floor / ceiling / wall / window / door / lintel
        self.comment = comment
        self.seg2d = seg2d        # ((x0, y0), (x1, y1)) top-view segment for vertical faces


class Scene:
    def __init__(self, name, height):
        self.name = name
        self.height = height
        self.materials = OrderedDict()  # id -> (itu type, thickness, description)
        self.rects = []
        self._ids = Counter()
        self.labels = []                # (x, y, text) for the plan image
        self.mount = None               # ((x0, y0), (x1, y1))
        self.ap_boxes = []              # [(x0, y0, x1, y1)]

    def material(self, mid, itu_type, thickness, description):
        self.materials[mid] = (itu_type, thickness, description)
        return mid

    def _sid(self, base):
        self._ids[base] += 1
        return "%s-%02d" % (base, self._ids[base])

    # horizontal rectangle covering [x0,x1] x [y0,y1] at height z
    def horizontal(self, base, material, x0, y0, x1, y1, z, kind, comment, face_down=False):
        assert material in self.materials, material
        sx, sy = (x1 - x0) / 2.0, (y1 - y0) / 2.0
        ops = [("scale", (sx, sy, 1.0))]
        if face_down:
            ops.append(("rotate", ((1, 0, 0), 180.0)))
        ops.append(("translate", ((x0 + x1) / 2.0, (y0 + y1) / 2.0, z)))
        corners = [(x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z)]
        self.rects.append(Rect(self._sid(base), material, ops, corners, kind, comment))

    # vertical rectangle above the segment (x0,y0)-(x1,y1), from z0 to z1
    def vertical(self, base, material, x0, y0, x1, y1, z0, z1, kind, comment):
        assert material in self.materials, material
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        assert length > EPS and z1 - z0 > EPS, (base, x0, y0, x1, y1, z0, z1)
        theta = math.degrees(math.atan2(dy, dx))
        ops = [("scale", (length / 2.0, (z1 - z0) / 2.0, 1.0)), ("rotate", ((1, 0, 0), 90.0))]
        if abs(theta) > EPS:
            ops.append(("rotate", ((0, 0, 1), theta)))
        ops.append(("translate", ((x0 + x1) / 2.0, (y0 + y1) / 2.0, (z0 + z1) / 2.0)))
        corners = [(x0, y0, z0), (x1, y1, z0), (x1, y1, z1), (x0, y0, z1)]
        self.rects.append(Rect(self._sid(base), material, ops, corners, kind, comment,
                               seg2d=((x0, y0), (x1, y1))))

    def wall(self, base, name, x0, y0, x1, y1, material, openings=(), z0=0.0, z1=None):
        """A straight wall line from (x0,y0) to (x1,y1), full height z0..z1, split into faces.

        openings: (s0, s1, kind, extra) with s measured in metres along the wall from (x0,y0):
          ("door", wood_material, lintel_material or None) -> door leaf z0..z0+2.1 + lintel above
          ("open", lintel_material or None)                -> open doorway, lintel above only
          ("gap",)                                         -> full-height gap, nothing
          ("window", glass_material)                       -> full-height glazing
          ("section", other_material)                      -> a stretch of wall in another material
        The solid stretches between openings get `material`; they are emitted as single faces.
        """
        if z1 is None:
            z1 = self.height
        length = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / length, (y1 - y0) / length

        def at(s):
            return (x0 + ux * s, y0 + uy * s)

        ops = sorted(openings, key=lambda o: o[0])
        cursor = 0.0
        pieces = []  # (s0, s1, z0, z1, material, kind, text)
        for op in ops:
            s0, s1, kind = op[0], op[1], op[2]
            assert s0 >= cursor - EPS and s1 <= length + EPS and s1 > s0, (name, op)
            if s0 > cursor + EPS:
                pieces.append((cursor, s0, z0, z1, material, "wall", name))
            if kind == "door":
                wood, lintel = op[3], (op[4] if len(op) > 4 and op[4] else material)
                pieces.append((s0, s1, z0, z0 + DOOR_H, wood, "door", name + ", door"))
                pieces.append((s0, s1, z0 + DOOR_H, z1, lintel, "lintel", name + ", lintel over door"))
            elif kind == "open":
                lintel = op[3] if len(op) > 3 and op[3] else material
                pieces.append((s0, s1, z0 + DOOR_H, z1, lintel, "lintel",
                               name + ", lintel over open doorway"))
            elif kind == "gap":
                pass
            elif kind == "window":
                pieces.append((s0, s1, z0, z1, op[3], "window", name + ", window"))
            elif kind == "section":
                pieces.append((s0, s1, z0, z1, op[3], "wall", name + ", " + op[3] + " section"))
            else:
                raise ValueError(kind)
            cursor = s1
        if length > cursor + EPS:
            pieces.append((cursor, length, z0, z1, material, "wall", name))

        for s0, s1, a, b, mat, kind, text in pieces:
            (px0, py0), (px1, py1) = at(s0), at(s1)
            self.vertical(base, mat, px0, py0, px1, py1, a, b, kind,
                          "%s: (%s, %s) to (%s, %s), z %s..%s"
                          % (text, fmt(px0), fmt(py0), fmt(px1), fmt(py1), fmt(a), fmt(b)))

    # ---------------------------------------------------------------------------------------------
    def to_xml(self, header):
        out = []
        out.append('<?xml version="1.0" encoding="utf-8"?>')
        out.append("<!--")
        for line in header.strip("\n").split("\n"):
            assert "--" not in line, line
            out.append(("  " + line).rstrip())
        out.append("-->")
        out.append('<scene version="2.1.0">')
        out.append("")
        out.append("<!-- Materials (ITU-R P.2040 types, slab thickness in metres) -->")
        out.append("")
        for mid, (itu, thick, desc) in self.materials.items():
            out.append("\t<!-- %s -->" % desc)
            out.append('\t<bsdf type="itu-radio-material" id="%s">' % mid)
            out.append('\t\t<string name="type" value="%s"/>' % itu)
            out.append('\t\t<float name="thickness" value="%s"/>' % fmt(thick))
            out.append("\t</bsdf>")
        out.append("")
        out.append("<!-- Shapes: rectangle = the square [-1,1]^2 in z=0, normal +z -->")
        out.append("")
        for r in self.rects:
            assert "--" not in r.comment
            out.append("\t<!-- %s -->" % r.comment)
            out.append('\t<shape type="rectangle" id="%s">' % r.sid)
            out.append('\t\t<transform name="to_world">')
            for op, args in r.ops:
                if op == "scale":
                    out.append('\t\t\t<scale x="%s" y="%s" z="%s"/>' % tuple(fmt(a) for a in args))
                elif op == "translate":
                    out.append('\t\t\t<translate x="%s" y="%s" z="%s"/>' % tuple(fmt(a) for a in args))
                else:
                    axis, ang = args
                    name = "xyz"[list(axis).index(1)]
                    out.append('\t\t\t<rotate %s="1" angle="%s"/>' % (name, fmt(ang)))
            out.append("\t\t</transform>")
            out.append('\t\t<ref id="%s" name="bsdf"/>' % r.material)
            out.append("\t</shape>")
        out.append("</scene>")
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# verification: parse the written XML back and recompute the corners
# --------------------------------------------------------------------------------------------------

def transform_from_xml(elem):
    m = mat_identity()
    for child in elem:
        a = child.attrib
        if child.tag == "scale":
            t = mat_scale(float(a.get("x", 1)), float(a.get("y", 1)), float(a.get("z", 1)))
        elif child.tag == "translate":
            t = mat_translate(float(a.get("x", 0)), float(a.get("y", 0)), float(a.get("z", 0)))
        elif child.tag == "rotate":
            t = mat_rotate((float(a.get("x", 0)), float(a.get("y", 0)), float(a.get("z", 0))),
                           float(a["angle"]))
        else:
            raise ValueError(child.tag)
        m = mat_mul(t, m)  # later elements apply after earlier ones
    return m


def same_point_set(a, b, tol=1e-6):
    used = [False] * len(b)
    for p in a:
        for i, q in enumerate(b):
            if not used[i] and all(abs(u - v) < tol for u, v in zip(p, q)):
                used[i] = True
                break
        else:
            return False
    return all(used)


def verify(scene, path):
    tree = ET.parse(path)
    root = tree.getroot()
    bsdfs = {b.get("id"): b for b in root.findall("bsdf")}
    assert set(bsdfs) == set(scene.materials), "material ids differ"
    for mid, b in bsdfs.items():
        itu, thick, _ = scene.materials[mid]
        assert b.get("type") == "itu-radio-material"
        assert b.find("string[@name='type']").get("value") == itu
        assert abs(float(b.find("float[@name='thickness']").get("value")) - thick) < 1e-9
    # one bsdf per (material, thickness) is not required, but each id must be used
    shapes = root.findall("shape")
    assert len(shapes) == len(scene.rects)
    used = set()
    for shp, r in zip(shapes, scene.rects):
        assert shp.get("type") == "rectangle" and shp.get("id") == r.sid
        ref = shp.find("ref")
        assert ref.get("id") == r.material
        used.add(ref.get("id"))
        m = transform_from_xml(shp.find("transform[@name='to_world']"))
        got = [mat_apply(m, p) for p in ((-1, -1, 0), (1, -1, 0), (1, 1, 0), (-1, 1, 0))]
        assert same_point_set(got, r.corners), (r.sid, got, r.corners)
        # vertical faces must really be vertical, horizontal ones horizontal
        zs = [p[2] for p in got]
        if r.seg2d is not None:
            assert max(zs) - min(zs) > 0.5
        else:
            assert max(zs) - min(zs) < 1e-9
    assert used == set(scene.materials), "unused material: %s" % (set(scene.materials) - used)
    ids = [s.get("id") for s in shapes]
    assert len(ids) == len(set(ids)), "duplicate shape ids"


def check_no_overlap(scene):
    """No two vertical faces on the same line may overlap (they must tile a wall, not double it)."""
    vs = [r for r in scene.rects if r.seg2d is not None]
    for i in range(len(vs)):
        for j in range(i + 1, len(vs)):
            a, b = vs[i], vs[j]
            (ax0, ay0), (ax1, ay1) = a.seg2d
            (bx0, by0), (bx1, by1) = b.seg2d
            # collinear?
            dx, dy = ax1 - ax0, ay1 - ay0
            L = math.hypot(dx, dy)
            ux, uy = dx / L, dy / L
            d0 = (bx0 - ax0) * uy - (by0 - ay0) * ux
            d1 = (bx1 - ax0) * uy - (by1 - ay0) * ux
            if abs(d0) > 1e-6 or abs(d1) > 1e-6:
                continue
            s = sorted([(bx0 - ax0) * ux + (by0 - ay0) * uy, (bx1 - ax0) * ux + (by1 - ay0) * uy])
            ov = min(L, s[1]) - max(0.0, s[0])
            za = sorted(p[2] for p in a.corners)
            zb = sorted(p[2] for p in b.corners)
            zov = min(za[-1], zb[-1]) - max(za[0], zb[0])
            assert not (ov > 1e-6 and zov > 1e-6), ("overlapping faces", a.sid, b.sid)


def check_mount_wall(scene):
    """The mount wall is covered by exactly one continuous full-height face and nothing crosses it."""
    (mx0, my0), (mx1, my1) = scene.mount
    hits = []
    for r in scene.rects:
        if r.seg2d is None:
            continue
        (x0, y0), (x1, y1) = r.seg2d
        zs = sorted(p[2] for p in r.corners)
        if (abs(y0 - my0) < 1e-9 and abs(y1 - my0) < 1e-9 and my0 == my1
                and min(x0, x1) < mx1 - 1e-9 and max(x0, x1) > mx0 + 1e-9):
            hits.append(r)
        if (abs(x0 - mx0) < 1e-9 and abs(x1 - mx0) < 1e-9 and mx0 == mx1
                and min(y0, y1) < my1 - 1e-9 and max(y0, y1) > my0 + 1e-9):
            hits.append(r)
    assert len(hits) == 1, [h.sid for h in hits]
    h = hits[0]
    (x0, y0), (x1, y1) = h.seg2d
    zs = sorted(p[2] for p in h.corners)
    assert h.kind == "wall" and zs[0] <= 1e-9 and zs[-1] >= scene.height - 1e-9
    if my0 == my1:
        assert min(x0, x1) <= mx0 + 1e-9 and max(x0, x1) >= mx1 - 1e-9
    else:
        assert min(y0, y1) <= my0 + 1e-9 and max(y0, y1) >= my1 - 1e-9
    # nothing may cross the mount segment on its open side (partitions may only end on it)
    for r in scene.rects:
        if r.seg2d is None or r is h:
            continue
        (x0, y0), (x1, y1) = r.seg2d
        if my0 == my1 and x0 == x1 and mx0 < x0 < mx1:
            assert not (min(y0, y1) < my0 - 1e-9 and max(y0, y1) > my0 - 1e-9), \
                ("face touches the mount wall from the open side", r.sid)
    return h


# --------------------------------------------------------------------------------------------------
# tiny PNG writer + rasteriser for the plan images
# --------------------------------------------------------------------------------------------------

FONT = {  # 3x5 bitmap glyphs, rows top to bottom
    "A": ["010", "101", "111", "101", "101"], "B": ["110", "101", "110", "101", "110"],
    "C": ["011", "100", "100", "100", "011"], "D": ["110", "101", "101", "101", "110"],
    "E": ["111", "100", "110", "100", "111"], "F": ["111", "100", "110", "100", "100"],
    "G": ["011", "100", "101", "101", "011"], "H": ["101", "101", "111", "101", "101"],
    "I": ["111", "010", "010", "010", "111"], "J": ["001", "001", "001", "101", "010"],
    "K": ["101", "101", "110", "101", "101"], "L": ["100", "100", "100", "100", "111"],
    "M": ["101", "111", "111", "101", "101"], "N": ["110", "101", "101", "101", "101"],
    "O": ["010", "101", "101", "101", "010"], "P": ["110", "101", "110", "100", "100"],
    "Q": ["010", "101", "101", "110", "011"], "R": ["110", "101", "110", "101", "101"],
    "S": ["011", "100", "010", "001", "110"], "T": ["111", "010", "010", "010", "010"],
    "U": ["101", "101", "101", "101", "111"], "V": ["101", "101", "101", "101", "010"],
    "W": ["101", "101", "111", "111", "101"], "X": ["101", "101", "010", "101", "101"],
    "Y": ["101", "101", "010", "010", "010"], "Z": ["111", "001", "010", "100", "111"],
    "0": ["111", "101", "101", "101", "111"], "1": ["010", "110", "010", "010", "111"],
    "2": ["110", "001", "010", "100", "111"], "3": ["110", "001", "010", "001", "110"],
    "4": ["101", "101", "111", "001", "001"], "5": ["111", "100", "110", "001", "110"],
    "6": ["011", "100", "111", "101", "111"], "7": ["111", "001", "010", "010", "010"],
    "8": ["111", "101", "111", "101", "111"], "9": ["111", "101", "111", "001", "110"],
    " ": ["000"] * 5, "-": ["000", "000", "111", "000", "000"], "/": ["001", "001", "010", "100", "100"],
    ".": ["000", "000", "000", "000", "010"], "(": ["010", "100", "100", "100", "010"],
    ")": ["010", "001", "001", "001", "010"],
}


class Canvas:
    def __init__(self, w, h, bg=(255, 255, 255)):
        self.w, self.h = w, h
        self.px = [bytearray(bytes(bg) * w) for _ in range(h)]

    def set(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            self.px[y][3 * x:3 * x + 3] = bytes(c)

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, min(y0, y1)), min(self.h, max(y0, y1) + 1)):
            for x in range(max(0, min(x0, x1)), min(self.w, max(x0, x1) + 1)):
                self.px[y][3 * x:3 * x + 3] = bytes(c)

    def dashed_box(self, x0, y0, x1, y1, c, dash=6):
        for x in range(x0, x1 + 1):
            if (x // dash) % 2 == 0:
                self.set(x, y0, c)
                self.set(x, y1, c)
        for y in range(y0, y1 + 1):
            if (y // dash) % 2 == 0:
                self.set(x0, y, c)
                self.set(x1, y, c)

    def text(self, x, y, s, c, k=2):
        for ch in s.upper():
            g = FONT.get(ch, FONT[" "])
            for r, row in enumerate(g):
                for col, bit in enumerate(row):
                    if bit == "1":
                        self.rect(x + col * k, y + r * k, x + col * k + k - 1, y + r * k + k - 1, c)
            x += 4 * k

    def save_png(self, path):
        raw = b"".join(b"\x00" + bytes(row) for row in self.px)

        def chunk(tag, data):
            return (struct.pack(">I", len(data)) + tag + data
                    + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

        png = b"\x89PNG\r\n\x1a\n"
        png += chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
        png += chunk(b"IDAT", zlib.compress(raw, 9))
        png += chunk(b"IEND", b"")
        with open(path, "wb") as f:
            f.write(png)


COLOURS = {  # by ITU type / kind
    "concrete": (60, 60, 60), "plasterboard": (70, 110, 200), "glass": (0, 170, 200),
    "wood": (150, 90, 30), "brick": (180, 60, 40), "ceiling_board": (200, 200, 200),
}


def draw_plan(scene, path, extent, ppm=20, margin=40):
    (ex0, ey0, ex1, ey1) = extent
    W = int((ex1 - ex0) * ppm) + 2 * margin
    H = int((ey1 - ey0) * ppm) + 2 * margin + 70
    cv = Canvas(W, H)

    def P(x, y):  # world -> pixel (y up)
        return (int(round(margin + (x - ex0) * ppm)), int(round(margin + (ey1 - y) * ppm)))

    # 1 m grid, 5 m grid darker
    for gx in range(int(ex0), int(ex1) + 1):
        c = (225, 225, 225) if gx % 5 else (200, 200, 200)
        x, _ = P(gx, 0)
        for y in range(P(0, ey1)[1], P(0, ey0)[1] + 1):
            cv.set(x, y, c)
    for gy in range(int(ey0), int(ey1) + 1):
        c = (225, 225, 225) if gy % 5 else (200, 200, 200)
        _, y = P(0, gy)
        for x in range(P(ex0, 0)[0], P(ex1, 0)[0] + 1):
            cv.set(x, y, c)
    # floors, light
    for r in scene.rects:
        if r.kind == "floor":
            xs = [p[0] for p in r.corners]
            ys = [p[1] for p in r.corners]
            a, b = P(min(xs), max(ys)), P(max(xs), min(ys))
            for y in range(a[1], b[1] + 1):
                for x in range(a[0], b[0] + 1):
                    if (x + y) % 4 == 0:
                        cv.set(x, y, (235, 225, 205))
    # AP area
    for (x0, y0, x1, y1) in scene.ap_boxes:
        a, b = P(x0, y1), P(x1, y0)
        cv.dashed_box(a[0], a[1], b[0], b[1], (0, 150, 0))
    # walls: draw lintels/walls first, then doors and windows on top
    order = {"wall": 0, "lintel": 1, "window": 2, "door": 3}
    for r in sorted((r for r in scene.rects if r.seg2d is not None), key=lambda r: order[r.kind]):
        itu, thick, _ = scene.materials[r.material]
        c = COLOURS.get(itu, (0, 0, 0))
        half = 1 if itu in ("glass", "wood") else (3 if thick >= 0.25 else 2)
        if r.kind == "lintel":
            c, half = (255, 160, 160), 1   # open doorway: only a lintel above
            if any(o is not r and o.kind == "door" and o.seg2d == r.seg2d for o in scene.rects):
                continue
        (x0, y0), (x1, y1) = r.seg2d
        a, b = P(x0, y0), P(x1, y1)
        cv.rect(min(a[0], b[0]) - half, min(a[1], b[1]) - half,
                max(a[0], b[0]) + half, max(a[1], b[1]) + half, c)
    # mount wall
    (mx0, my0), (mx1, my1) = scene.mount
    a, b = P(mx0, my0), P(mx1, my1)
    off = (0, 5) if my0 == my1 else (5, 0)
    cv.rect(min(a[0], b[0]) + off[0] - 1, min(a[1], b[1]) + off[1] - 1,
            max(a[0], b[0]) + off[0] + 1, max(a[1], b[1]) + off[1] + 1, (230, 0, 0))
    for (x, y, t) in scene.labels:
        px, py = P(x, y)
        cv.text(px - len(t) * 4, py - 5, t, (40, 40, 40))
    # axis ticks every 5 m
    for v in range(int(ex0), int(ex1) + 1, 5):
        px, py = P(v, ey0)
        cv.text(px - 4 * len(str(v)), py + 8, str(v), (120, 120, 120))
    for v in range(int(ey0), int(ey1) + 1, 5):
        px, py = P(ex0, v)
        cv.text(px - 8 - 8 * len(str(v)), py - 5, str(v), (120, 120, 120))
    # legend
    y = H - 75
    x = margin
    items = [("CONCRETE", COLOURS["concrete"]), ("PLASTERBOARD", COLOURS["plasterboard"]),
             ("GLASS", COLOURS["glass"]), ("WOOD DOOR", COLOURS["wood"]),
             ("BRICK", COLOURS["brick"]), ("OPEN DOORWAY", (255, 160, 160)),
             ("MOUNT WALL", (230, 0, 0)), ("AP AREA", (0, 150, 0))]
    used_types = {scene.materials[r.material][0] for r in scene.rects}
    for name, c in items:
        needs = {"CONCRETE": "concrete", "PLASTERBOARD": "plasterboard", "GLASS": "glass",
                 "WOOD DOOR": "wood", "BRICK": "brick"}.get(name)
        if needs and needs not in used_types:
            continue
        if name == "OPEN DOORWAY" and not any(
                r.kind == "lintel" and not any(o.kind == "door" and o.seg2d == r.seg2d
                                               for o in scene.rects) for r in scene.rects):
            continue
        cv.rect(x, y, x + 14, y + 9, c)
        cv.text(x + 20, y, name, (40, 40, 40))
        x += 20 + len(name) * 8 + 16
        if x > W - 150:
            x, y = margin, y + 18
    cv.save_png(path)


# --------------------------------------------------------------------------------------------------
# scene 1: office floor
# --------------------------------------------------------------------------------------------------

def build_office():
    H = 4.0
    s = Scene("office", H)
    co = s.material("concrete-outer", "concrete", 0.3, "outer walls: reinforced concrete, 0.3 m")
    ci = s.material("concrete-inner", "concrete", 0.2,
                    "stair/lift core walls and the reflector mount wall: concrete, 0.2 m")
    cf = s.material("concrete-floor", "concrete", 0.2, "floor slab: concrete, 0.2 m")
    cb = s.material("ceiling-board", "ceiling_board", 0.02, "suspended ceiling tiles, 0.02 m")
    pb = s.material("plasterboard-partition", "plasterboard", 0.1,
                    "partitions: plasterboard stud wall, 0.1 m")
    gl = s.material("glass-window", "glass", 0.01,
                    "glazing: outer windows and the meeting-room glass wall, 0.01 m")
    wd = s.material("wood-door", "wood", 0.04, "door leaves: wood, 0.04 m, 1 m x 2.1 m")
    br = s.material("brick-wc", "brick", 0.12, "washroom block: brick, 0.12 m")

    # floor and ceiling
    s.horizontal("floor", cf, 0, 0, 40, 40, 0.0, "floor", "floor slab, x 0..40, y 0..40, z 0")
    s.horizontal("ceiling", cb, 0, 0, 40, 40, H, "ceiling",
                 "suspended ceiling, x 0..40, y 0..40, z 4 (turned to face down)", face_down=True)

    # ---- outer walls (concrete with full-height windows) -- positions along each wall
    win = lambda a, b: (a, b, "window", gl)
    s.wall("outer-south", "south outer wall y=0", 0, 0, 40, 0, co,
           [win(13, 27), win(29.5, 39)])
    s.wall("outer-east", "east outer wall x=40", 40, 0, 40, 40, co,
           [win(2, 8), win(14, 38)])
    s.wall("outer-north", "north outer wall y=40", 0, 40, 40, 40, co,
           [win(2, 8), win(17, 33)])
    s.wall("outer-west", "west outer wall x=0", 0, 0, 0, 40, co,
           [win(12, 18), win(22, 28), win(32, 38)])

    # ---- stair / lift core, south-west corner x 0..10, y 0..10 (concrete 0.2)
    s.wall("core", "core wall x=10", 10, 0, 10, 10, ci,
           [(6, 7, "door", wd, None)])
    s.wall("core", "core wall y=10", 0, 10, 10, 10, ci)

    # ---- south rooms y 0..10: S1 office (12..20), S2 meeting room (20..28, glass front),
    #      S3 office (28..34), S4 corner office (34..40).  Corridor stub x 10..12 leads to the core.
    s.wall("part", "partition x=12 (S1 west)", 12, 0, 12, 10, pb)
    s.wall("part", "partition x=20 (S1/S2)", 20, 0, 20, 10, pb)
    s.wall("part", "partition x=28 (S2/S3)", 28, 0, 28, 10, pb)
    s.wall("part", "partition x=34 (S3/S4)", 34, 0, 34, 10, pb)
    s.wall("front", "south room fronts y=10", 12, 10, 40, 10, pb, [
        (6, 7, "door", wd, None),                 # S1 door, x 18..19
        (8, 11, "section", gl),                   # S2 glass wall, x 20..23
        (11, 12, "open", gl),                     # S2 open doorway, x 23..24 (glass transom above)
        (12, 16, "section", gl),                  # S2 glass wall, x 24..28
        (17, 18, "open", None),                   # S3 open doorway, x 29..30
        (23, 24, "door", wd, None),               # S4 door, x 35..36
    ])

    # ---- west rooms x 0..10: W1 office (10..20), W2 kitchen (20..30), W3 office (30..40)
    s.wall("part", "partition y=20 (W1/W2)", 0, 20, 10, 20, pb)
    s.wall("part", "partition y=30 (W2/W3)", 0, 30, 10, 30, pb)
    s.wall("front", "west room fronts x=10", 10, 10, 10, 40, pb, [
        (7, 8, "door", wd, None),                 # W1 door, y 17..18
        (11, 13, "open", None),                   # kitchen: 2 m open doorway, y 21..23
        (21, 22, "door", wd, None),               # W3 door, y 31..32
    ])

    # ---- north rooms y 34..40 behind the reflector mount wall: N1 office (15..24.5),
    #      N2 copy / storage room (24.5..34); entered from the sides, never through the mount wall.
    s.wall("mount", "REFLECTOR MOUNT WALL y=34, x 15..34", 15, 34, 34, 34, ci)
    s.wall("part", "partition x=15 (alcove/N1)", 15, 34, 15, 40, pb,
           [(2, 3, "door", wd, None)])          # N1 door, y 36..37
    s.wall("part", "partition x=24.5 (N1/N2)", 24.5, 34, 24.5, 40, pb)
    s.wall("part", "partition x=34 (N2/break-out)", 34, 34, 34, 40, pb,
           [(1.5, 2.5, "open", None)])          # N2 open doorway, y 35.5..36.5

    # ---- washroom island in the open-plan area: x 18..25, y 18..23, two WCs split at x=21.5
    s.wall("wc", "WC block south y=18", 18, 18, 25, 18, br)
    s.wall("wc", "WC block north y=23", 18, 23, 25, 23, br)
    s.wall("wc", "WC block west x=18", 18, 18, 18, 23, br, [(2, 3, "open", None)])
    s.wall("wc", "WC block east x=25", 25, 18, 25, 23, br, [(2, 3, "open", None)])
    s.wall("wc", "WC block partition x=21.5", 21.5, 18, 21.5, 23, pb)

    s.mount = ((15.0, 34.0), (34.0, 34.0))
    s.ap_boxes = [(5.0, 5.0, 35.0, 35.0)]
    s.labels = [
        (5, 3, "CORE"), (16, 3, "S1"), (24, 6, "S2 MEETING"), (31, 3, "S3"), (37, 3, "S4"),
        (2.5, 15, "W1"), (2.7, 25, "W2 KITCHEN"), (2.5, 36.5, "W3"),
        (19.75, 37, "N1"), (29.25, 37, "N2 COPY"), (12.5, 37, "ALCOVE"), (37, 36, "BREAK"),
        (19.75, 20.5, "WC"), (23.25, 20.5, "WC"), (27, 28, "OPEN PLAN"), (11, 3, "C"), (24.5, 32.8, "MOUNT WALL"),
    ]
    return s


OFFICE_HEADER = """
Reflector Placement Studio: example scene "office"
Written for this project by scripts/make_example_scenes.py (regenerate, do not edit by hand).
Licence: MIT, same as the project.

An office floor, 40 m x 40 m (x, y in [0, 40]), one storey, floor-to-ceiling height 4.0 m.
Units: metres; rotation angles in degrees; Mitsuba 2 XML as Sionna RT writes it.
Conventions: `rectangle` = the square [-1,1]^2 in z=0 with normal +z; transforms apply in
document order (scale, then rotate, then translate).

Every wall is ONE thin vertical rectangle that carries its slab thickness (Sionna's model),
never a closed box.  Windows, wooden doors (1 m x 2.1 m) and the lintels above doors and open
doorways (z 2.1 to 4.0) are separate rectangles coplanar with the wall they sit in.

Layout:
  floor slab z=0 (concrete 0.2 m); suspended ceiling z=4.0 (ceiling_board 0.02 m, faces down)
  outer walls on the perimeter: concrete 0.3 m with full-height glass windows (0.01 m):
    south x 13..27, 29.5..39; east y 2..8, 14..38; north x 2..8, 17..33;
    west y 12..18, 22..28, 32..38
  south-west corner x 0..10, y 0..10: stair/lift core, concrete 0.2 m, wooden door at x=10
  south rooms (y 0..10): S1 office, S2 meeting room with a glass wall, S3 office, S4 office
  west rooms (x 0..10): W1 office, W2 kitchen (2 m open doorway), W3 office
  north rooms (y 34..40): N1 office, N2 copy/storage room, both entered from the sides
  open-plan area with circulation along the room fronts: x 10..40, y 10..34 plus the
    alcove x 10..15 and the break-out corner x 34..40, y 28..40 (both reach y = 40)
  washroom island x 18..25, y 18..23 (brick 0.12 m, two WCs, open doorways west and east)
  partitions: plasterboard 0.1 m

REFLECTOR MOUNT WALL: the plane y = 34, x from 15 to 34, z from 0 to 4.0 (concrete 0.2 m, shape
  id "mount-01"), one continuous face without doors; the open-plan area lies south of it
  (y < 34), rooms N1 and N2 north of it.  Mount the plate on its south side.
USABLE AP AREA: x, y in [5, 35] (AP height 3.8 m, below the ceiling), i.e. the open-plan area
  and the rooms that overlap that box.
"""


# --------------------------------------------------------------------------------------------------
# scene 2: L-shaped hall
# --------------------------------------------------------------------------------------------------

def build_l_hall():
    H = 3.5
    s = Scene("l_hall", H)
    co = s.material("concrete-outer", "concrete", 0.3, "outer walls: concrete, 0.3 m")
    cf = s.material("concrete-floor", "concrete", 0.2, "floor slab: concrete, 0.2 m")
    pb = s.material("plasterboard-partition", "plasterboard", 0.1,
                    "partition: plasterboard stud wall, 0.1 m")

    # floor: the L as two rectangles (south arm + north arm)
    s.horizontal("floor", cf, 0, 0, 20, 10, 0.0, "floor", "floor, south arm x 0..20, y 0..10, z 0")
    s.horizontal("floor", cf, 0, 10, 10, 20, 0.0, "floor", "floor, north arm x 0..10, y 10..20, z 0")

    # outer walls along the L outline (counter-clockwise), all concrete 0.3 m, 3.5 m high
    s.wall("outer", "south outer wall y=0", 0, 0, 20, 0, co)
    s.wall("outer", "east outer wall x=20", 20, 0, 20, 10, co)
    s.wall("outer", "inner corner wall y=10", 20, 10, 10, 10, co)
    s.wall("outer", "inner corner wall x=10", 10, 10, 10, 20, co)
    s.wall("outer", "north outer wall y=20", 10, 20, 0, 20, co)
    s.wall("mount", "REFLECTOR MOUNT WALL: west outer wall x=0", 0, 20, 0, 0, co)

    # partition across the south arm at x = 14 with an open doorway (y 6..7, lintel above)
    s.wall("part", "partition x=14", 14, 0, 14, 10, pb, [(6, 7, "open", None)])

    s.mount = ((0.0, 0.0), (0.0, 20.0))
    s.ap_boxes = [(1.0, 1.0, 19.0, 9.0), (1.0, 9.0, 9.0, 19.0)]
    s.labels = [(5, 15, "NORTH ARM"), (7, 5, "HALL"), (17, 5, "SIDE ROOM"),
                (15, 15, "OUTSIDE"), (2.5, 12, "MOUNT")]
    return s


L_HALL_HEADER = """
Reflector Placement Studio: example scene "l_hall"
Written for this project by scripts/make_example_scenes.py (regenerate, do not edit by hand).
Licence: MIT, same as the project.

A small L-shaped hall: the 20 m x 20 m box x, y in [0, 20] minus its north-east corner
x, y in [10, 20].  South arm x 0..20, y 0..10; north arm x 0..10, y 10..20.
Units: metres; rotation angles in degrees; Mitsuba 2 XML as Sionna RT writes it.
Conventions: `rectangle` = the square [-1,1]^2 in z=0 with normal +z; transforms apply in
document order (scale, then rotate, then translate).

Every wall is ONE thin vertical rectangle that carries its slab thickness (Sionna's model).
  floor z=0: concrete 0.2 m, two rectangles (one per arm)
  outer walls, 3.5 m high, concrete 0.3 m, following the L outline, including the two inner
    corner walls y=10 (x 10..20) and x=10 (y 10..20)
  plasterboard partition (0.1 m) at x = 14, y 0..10, with a 1 m open doorway at y 6..7
    (lintel from z 2.1 to 3.5); it closes off a side room x 14..20, y 0..10
  NO CEILING: the hall is modelled open to the sky (no roof face), so there are no ceiling
    reflections; only the floor and the walls interact.

REFLECTOR MOUNT WALL: the west outer wall, plane x = 0, y from 0 to 20, z from 0 to 3.5
  (concrete 0.3 m, shape id "mount-01"), one continuous face without openings.  A plate at
  y of about 2..8 on it can redirect an AP in the south arm into the north arm.
USABLE AP AREA: the L interior kept 1 m from the outer walls:
  x in [1, 19], y in [1, 9]  (south arm)  union  x in [1, 9], y in [9, 19]  (north arm).
  As a single box constraint for a study use the south arm box x in [1, 19], y in [1, 9].
"""


# --------------------------------------------------------------------------------------------------

def summarise(scene):
    counts = Counter((r.material, r.kind) for r in scene.rects)
    by_mat = Counter(r.material for r in scene.rects)
    print("%s: %d rectangles" % (scene.name, len(scene.rects)))
    for mid, n in by_mat.items():
        itu, thick, _ = scene.materials[mid]
        kinds = ", ".join("%s %d" % (k, c) for (m, k), c in sorted(counts.items()) if m == mid)
        print("  %-24s %-13s %5s m  %3d  (%s)" % (mid, itu, fmt(thick), n, kinds))


def emit(scene, header, rel_xml, rel_png, extent):
    path = os.path.join(ROOT, rel_xml)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(scene.to_xml(header))
    verify(scene, path)
    check_no_overlap(scene)
    check_mount_wall(scene)
    # all geometry inside the extent and between floor and top
    for r in scene.rects:
        for (x, y, z) in r.corners:
            assert extent[0] - EPS <= x <= extent[2] + EPS and extent[1] - EPS <= y <= extent[3] + EPS
            assert -EPS <= z <= scene.height + EPS
    draw_plan(scene, os.path.join(ROOT, rel_png), extent)
    summarise(scene)
    print("  wrote %s and %s" % (rel_xml, rel_png))


def main():
    office = build_office()
    assert 40 <= len(office.rects) <= 80, len(office.rects)
    emit(office, OFFICE_HEADER, "scenes/office/office.xml", "scenes/office/office_plan.png",
         (0, 0, 40, 40))
    hall = build_l_hall()
    emit(hall, L_HALL_HEADER, "scenes/l_hall/l_hall.xml", "scenes/l_hall/l_hall_plan.png",
         (0, 0, 20, 20))
    return 0


if __name__ == "__main__":
    sys.exit(main())
