"""A PDF in a fixed object order: however the writer numbered and ordered its objects, the
same content gives the same bytes, and the file stays a valid PDF with the same content."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.render.convert import convert_svg
from systeemkaart.render.pdf_order import canonical_pdf

_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">'
        '<style>text{font-family:DejaVu Sans, sans-serif}</style>'
        '<text x="4" y="20" font-size="14" font-weight="bold">Genogram</text>'
        '<text x="4" y="40" font-size="11">Anna, geb. 1980</text>'
        '<text x="4" y="56" font-size="11" font-style="italic">noot</text>'
        '<rect x="150" y="10" width="30" height="30" fill="#dbe8f5" stroke="#222"/></svg>')
_OBJECT = re.compile(rb"(\d+) 0 obj\n")


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return convert_svg(_SVG, "pdf")


def _split(data: bytes) -> tuple[bytes, dict[int, bytes], bytes]:
    """Header, ``number -> object text after 'N 0 obj\\n' up to and with endobj``, trailer
    (a test's own reading: every object of the converter's output ends at 'endobj\\n\\n')."""
    starts = list(_OBJECT.finditer(data))
    table = data.rindex(b"\nxref\n") + 1
    bodies: dict[int, bytes] = {}
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        end = after.start() if after is not None else table
        bodies[int(here[1])] = data[here.end():end].rstrip(b"\n")
    trailer = data[data.index(b"trailer\n", table) + 8:data.index(b"\nstartxref")]
    return data[:starts[0].start()], bodies, trailer


def _rewritten(data: bytes, numbers: list[int], order: list[int], flip: bool) -> bytes:
    """``data`` with its objects renumbered by ``numbers``, written in ``order``, and (when
    ``flip``) the entries of every resource dictionary in reverse: what another run of the
    writer might give."""
    header, bodies, trailer = _split(data)
    old = sorted(bodies)
    new = dict(zip(old, [n + 1 for n in numbers], strict=True))

    def renumber(text: bytes) -> bytes:
        return re.sub(rb"(\d+) 0 R\b", lambda m: b"%d 0 R" % new[int(m[1])], text)

    def flipped(text: bytes) -> bytes:
        entries = re.compile(rb"((?:\n +/\S+ \d+ 0 R)+)")
        return entries.sub(lambda m: b"".join(reversed(re.findall(rb"\n +/\S+ \d+ 0 R",
                                                                    m[1]))), text)

    out = bytearray(header)
    offsets: dict[int, int] = {}
    for index in order:
        number = old[index]
        stream = bodies[number].find(b"\nstream\n")
        head, tail = (bodies[number], b"") if stream < 0 else \
            (bodies[number][:stream], bodies[number][stream:])
        head = flipped(renumber(head)) if flip else renumber(head)
        offsets[new[number]] = len(out)
        out += b"%d 0 obj\n" % new[number] + head + tail + b"\n\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(old) + 1)
    out += b"".join(b"%010d 00000 n\r\n" % offsets[n] for n in sorted(offsets))
    out += b"trailer\n" + renumber(trailer) + b"\nstartxref\n%d\n%%%%EOF" % table
    return bytes(out)


def test_the_converters_pdf_has_several_fonts_to_order(pdf: bytes) -> None:
    assert pdf.count(b"/Subtype /Type0") >= 2


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False), st.booleans())
def test_any_numbering_and_order_gives_the_same_bytes(pdf: bytes, rng: random.Random,
                                                      flip: bool) -> None:
    size = len(_split(pdf)[1])
    numbers, order = rng.sample(range(size), size), rng.sample(range(size), size)
    shuffled = _rewritten(pdf, numbers, order, flip)
    assert shuffled != pdf or (numbers == order == sorted(order) and not flip)
    assert canonical_pdf(shuffled) == canonical_pdf(pdf)


def test_the_cross_reference_table_points_at_each_object(pdf: bytes) -> None:
    out = canonical_pdf(pdf)
    table = int(out[out.rindex(b"startxref\n") + 10:].split(b"\n")[0])
    assert out[table:].startswith(b"xref\n")
    entries = re.findall(rb"(\d{10}) 00000 n\r\n", out[table:])
    assert entries
    for number, offset in enumerate(entries, start=1):
        assert out[int(offset):].startswith(b"%d 0 obj\n" % number)
    assert b"/Size %d" % (len(entries) + 1) in out[table:]


def test_only_the_order_changes(pdf: bytes) -> None:
    def parts(data: bytes) -> list[bytes]:
        bodies = _split(data)[1].values()
        masked = (re.sub(rb"\d+ 0 R\b", b"N 0 R", body) for body in bodies)
        return sorted(b"\n".join(sorted(body.split(b"\n"))) for body in masked)

    out = canonical_pdf(pdf)
    assert out != pdf or _split(pdf)[1] == _split(out)[1]
    assert parts(out) == parts(pdf)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler) not installed")
def test_the_rewritten_pdf_looks_the_same(pdf: bytes, tmp_path: Path) -> None:
    pages = []
    for name, data in (("before", pdf), ("after", canonical_pdf(pdf))):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        done = subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / f"{name}.pdf"),
                               str(tmp_path / name)], capture_output=True, check=True)
        assert done.stderr == b""
        pages.append((tmp_path / f"{name}-1.png").read_bytes())
    assert pages[0] == pages[1]


@pytest.mark.parametrize("data", [
    b"",
    b"not a pdf at all",
    b"%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /Length 3 >>\nstream\nabc\nendstream\nendobj\n",
    b"%PDF-1.7\n1 0 obj\n<< /Length 2 0 R >>\nstream\nabc\nendstream\nendobj\n",
    b"%PDF-1.7\n1 0 obj\n<< /Length 99\n>>\nstream\nabc\nendstream\nendobj\n",
    b"%PDF-1.7\n1 0 obj\n<<\n>>\nendobj\n\n2 0 obj\n<<\n>>\nendobj\n\nxref\n0 3\n"
    b"trailer\n<<\n  /Root 1 0 R\n>>\nstartxref\n0\n%%EOF",  # object 2 unreachable
])
def test_a_pdf_of_another_shape_is_left_as_it_is(data: bytes) -> None:
    assert canonical_pdf(data) == data
