#!/usr/bin/env python3
"""finish-389ds-config.py DSE_LDIF — offline edits of cn=config in a stopped instance's dse.ldif:
TLS on (the NSS database already holds Server-Cert), and defaultNamingContext pinned to the suffix
(with the Retro Changelog on, 389 DS would otherwise advertise cn=changelog)."""
import re
import sys

path = sys.argv[1]
with open(path) as f:
    text = f.read()
start = text.index("dn: cn=config\n")
end = text.index("\n\n", start)
entry = text[start:end]
for attr, value in (("nsslapd-security", "on"), ("nsslapd-defaultnamingcontext", "dc=example,dc=org")):
    pattern = re.compile(rf"^{attr}: .*$", re.M | re.I)
    if pattern.search(entry):
        entry = pattern.sub(f"{attr}: {value}", entry)
    else:
        entry += f"\n{attr}: {value}"
with open(path, "w") as f:
    f.write(text[:start] + entry + text[end:])
