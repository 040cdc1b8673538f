"""Links across children: the same person, vehicle, plate, phone, handle or place (no Flask, no DB).

A mention a practitioner confirmed in one child's notes is read for what it names
(`reading.read_mention`), and mentions of one real thing written differently are put in one
group (`grouping.link_groups`), following shared/spec/links.md: tolerance for writing, never
for resemblance, and partial mentions join only the one complete group that fits them.
`keys.index_keys` and `keys.probe_keys` give the normalised forms the app stores as keyed
blind indexes, so a lookup finds candidates without any name or number in plain text.
"""

from rhi_assistant.links.grouping import LinkGroup, Mention, link_groups
from rhi_assistant.links.reading import Reading, read_mention

__all__ = ["LinkGroup", "Mention", "Reading", "link_groups", "read_mention"]
