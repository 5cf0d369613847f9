"""Reading and writing documents, behind the public functions of :mod:`psed.reading`.

Data flows one way: bytes or text -> :mod:`.text` (decoding, the format, the limits)
-> :mod:`.json_reader` or :mod:`.yaml_reader` (one parse, positions kept) -> a plain
tree -> :mod:`.structural` (the walker: PSED002-PSED007 and the limits of a tree,
building the :class:`~psed.model.Proposal` in the same pass). Writing goes through
:mod:`.converter` (cattrs) and :mod:`.writer`.

- :mod:`.codes`: the structural codes PSED001-PSED007 and their findings;
- :mod:`.limits`: :class:`~.limits.Limits` and what exceeding one says;
- :mod:`.fields`: the field table, derived once from the model, that drives the
  walker, the converter, the writer and the JSON Schema;
- :mod:`.pointer`: RFC 6901 JSON Pointers (the one implementation in psed) and
  :class:`~.pointer.Positions`, the line and column of each place.
"""
