#!/usr/bin/env python3
"""prepare-apacheds.py WORKDIR LDAP_PORT LDAPS_PORT KEYSTORE KEYSTORE_PW — an ApacheDS instance layout.

Writes WORKDIR/conf/config.ldif from the packaged /etc/apacheds/config.ldif with: both LDAP transports on
127.0.0.1 and the given ports; the "example" partition serving dc=example,dc=org (suffix and base64
context entry) without a sync per write (throw-away data; adds get several times faster); and the LDAP
server using KEYSTORE (PKCS#12, our CA-signed certificate) instead of a self-made certificate.
"""
import base64
import os
import re
import shutil
import sys

work, ldap_port, ldaps_port, keystore, keystore_pw = sys.argv[1:6]
for d in ("conf", "partitions", "cache", "run", "log"):
    os.makedirs(f"{work}/{d}", exist_ok=True)
shutil.copy("/etc/apacheds/log4j.properties", f"{work}/conf/log4j.properties")

with open("/etc/apacheds/config.ldif") as f:
    text = f.read()
# unfold LDIF continuation lines so each attribute is on one line
text = re.sub(r"\n ", "", text)
entries = text.split("\n\n")
context = base64.b64encode(
    b"dn: dc=example,dc=org\ndc: example\nobjectclass: domain\nobjectclass: top\n\n"
).decode()


def patch(entry: str) -> str:
    head = entry.lstrip("\n").split("\n", 1)[0].lower()
    lines = entry.split("\n")
    out = []
    for line in lines:
        low = line.lower()
        if head.startswith("dn: ads-transportid=ldap,") and low.startswith("ads-systemport:"):
            line = f"ads-systemport: {ldap_port}"
        elif head.startswith("dn: ads-transportid=ldaps,") and low.startswith("ads-systemport:"):
            line = f"ads-systemport: {ldaps_port}"
        elif head.startswith("dn: ads-transportid=ldap") and low.startswith("ads-transportaddress:"):
            line = "ads-transportaddress: 127.0.0.1"
        elif head.startswith("dn: ads-partitionid=example,"):
            if low.startswith("ads-partitionsuffix:"):
                line = "ads-partitionSuffix: dc=example,dc=org"
            elif low.startswith("ads-contextentry::"):
                line = f"ads-contextentry:: {context}"
            elif low.startswith("ads-partitionsynconwrite:"):
                line = "ads-partitionsynconwrite: FALSE"
        out.append(line)
    if head.startswith("dn: ads-serverid=ldapserver,"):
        out = [line for line in out if line != ""]
        out += [f"ads-keystoreFile: {keystore}", f"ads-certificatePassword: {keystore_pw}"]
    return "\n".join(out)


patched = "\n\n".join(patch(e) for e in entries)
if "dc=example,dc=org" not in patched or f"ads-systemport: {ldaps_port}" not in patched:
    sys.exit("could not patch /etc/apacheds/config.ldif (unexpected layout)")
with open(f"{work}/conf/config.ldif", "w") as f:
    f.write(patched)
