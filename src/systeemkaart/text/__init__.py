"""Words and text measurement: the lowest layer, used by layout, render, io and analysis.

- :mod:`.labels`: the words shown in drawings and legends (nl/en).
- :mod:`.words`: the sentences of the analyses (nl/en).
- :mod:`.measure`: text widths from real font metrics, wrapping, number formatting.
- :mod:`._metrics`: the generated font table behind :mod:`.measure`.

Nothing here imports from the rest of the package.
"""
