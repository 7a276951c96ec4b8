#!/usr/bin/env bash
# make-certs.sh DIR — a throw-away PKI for one test directory, in DIR:
#   ca.crt/ca.key          a CA (EC P-256; fast to generate), "scim2ldap testkit CA"
#   server.crt/server.key  signed by the CA; SAN localhost, this host's name, 127.0.0.1, ::1
#                          (libldap checks "localhost" against the machine's hostname, hence both names)
#   client.crt/client.key  signed by the CA, subject "cn=testkit-client,o=scim2ldap" (SASL EXTERNAL)
set -euo pipefail
d=${1:?usage: make-certs.sh DIR}
mkdir -p "$d"
cd "$d"
umask 077
ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

ec ca.key
openssl req -x509 -new -key ca.key -days 3650 -subj "/O=scim2ldap/CN=scim2ldap testkit CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out ca.crt 2>/dev/null

sign() { # name subject extensions
  ec "$1.key"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
  printf '%b' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
sign server "/O=scim2ldap/CN=localhost" \
  "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,DNS:$(hostname),IP:127.0.0.1,IP:::1\n"
sign client "/O=scim2ldap/CN=testkit-client" \
  "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"
chmod 644 ca.crt server.crt client.crt
