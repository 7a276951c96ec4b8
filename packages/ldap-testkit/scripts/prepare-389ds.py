#!/usr/bin/env python3
"""prepare-389ds.py WORKDIR INSTANCE LDAP_PORT LDAPS_PORT — lay out a private 389 DS "prefix" tree.

lib389 (dscreate) reads $PREFIX/share/dirsrv/inf/defaults.inf and looks for instances under
$PREFIX/etc/dirsrv/slapd-NAME, so pointing every path of a private defaults.inf into WORKDIR keeps the
whole instance (config, databases, logs, socket, pid file) out of /etc and /var and away from systemd.
Also patches the copied template-dse.ldif (listen on 127.0.0.1 from the first start; Retro Changelog on)
and writes instance.inf for "dscreate from-file". The root password is read from $TESTKIT_ADMIN_PW.
"""
import grp
import os
import pwd
import re
import shutil
import sys

work, inst, ldap_port, ldaps_port = sys.argv[1:5]
user = pwd.getpwuid(os.getuid()).pw_name
group = grp.getgrgid(os.getgid()).gr_name

os.makedirs(f"{work}/share/dirsrv/inf")
for d in ("etc/dirsrv", "tmp", "run", "lock", "log"):
    os.makedirs(f"{work}/{d}", exist_ok=True)
shutil.copytree("/usr/share/dirsrv/data", f"{work}/share/dirsrv/data")
for d in ("schema", "config"):
    shutil.copytree(f"/etc/dirsrv/{d}", f"{work}/etc/dirsrv/{d}")

system = {}
with open("/usr/share/dirsrv/inf/defaults.inf") as f:
    for line in f:
        m = re.match(r"^(\w+) = (.*)$", line.rstrip("\n"))
        if m and m.group(1) not in system:
            system[m.group(1)] = m.group(2)

keep = ("product", "version", "enable_rust", "bin_dir", "sbin_dir", "lib_dir", "plugin_dir", "system_schema_dir")
own = {
    "asan_enabled": "0",
    "with_systemd": "0",
    "with_selinux": "",
    "prefix": work,
    "data_dir": f"{work}/share",
    "tmp_dir": f"{work}/tmp",
    "sysconf_dir": f"{work}/etc",
    "initconfig_dir": f"{work}/etc/default",
    "config_dir": f"{work}/etc/dirsrv/slapd-{{instance_name}}",
    "local_state_dir": f"{work}/var",
    "run_dir": f"{work}/run",
    "ldapi": f"{work}/run/ldapi",
    "pid_file": f"{work}/run/slapd.pid",
    "ldapi_listen": "on",
    "ldapi_autobind": "on",
    "inst_dir": f"{work}/inst",
    "tmpfiles_d": f"{work}/tmpfiles.d",
    "user": user,
    "group": group,
    "root_dn": "cn=Directory Manager",
    "schema_dir": f"{work}/etc/dirsrv/slapd-{{instance_name}}/schema",
    "cert_dir": f"{work}/etc/dirsrv/slapd-{{instance_name}}",
    "lock_dir": f"{work}/lock",
    "log_dir": f"{work}/log",
    "access_log": f"{work}/log/access",
    "audit_log": f"{work}/log/audit",
    "error_log": f"{work}/log/errors",
    "security_log": f"{work}/log/security",
    "db_dir": f"{work}/db",
    "db_home_dir": f"{work}/dbhome",
    "backup_dir": f"{work}/bak",
    "ldif_dir": f"{work}/ldif",
}
with open(f"{work}/share/dirsrv/inf/defaults.inf", "w") as f:
    f.write("[slapd]\n")
    for k in keep:
        f.write(f"{k} = {system.get(k, '')}\n")
    for k, v in own.items():
        f.write(f"{k} = {v}\n")

template = f"{work}/share/dirsrv/data/template-dse.ldif"
with open(template) as f:
    dse = f.read()
dse = dse.replace(
    "nsslapd-port: %ds_port%\n",
    "nsslapd-port: %ds_port%\nnsslapd-listenhost: 127.0.0.1\nnsslapd-securelistenhost: 127.0.0.1\n",
    1,
)
retro = re.search(r"dn: cn=Retro Changelog Plugin,cn=plugins,cn=config\n.*?\n\n", dse, re.S)
if not retro:
    sys.exit("template-dse.ldif has no Retro Changelog plug-in entry")
block = retro.group(0).replace("nsslapd-pluginenabled: off", "nsslapd-pluginenabled: on")
# copy nsUniqueId into changelog entries so renames can be followed; keep a week of changes
block = block.rstrip("\n") + "\nnsslapd-attribute: nsUniqueId:targetUniqueId\nnsslapd-changelogmaxage: 7d\n\n"
dse = dse.replace(retro.group(0), block)
with open(template, "w") as f:
    f.write(dse)

with open(f"{work}/instance.inf", "w") as f:
    os.fchmod(f.fileno(), 0o600)
    f.write(f"""[general]
full_machine_name = localhost
strict_host_checking = False
selinux = False
systemd = False
start = False

[slapd]
instance_name = {inst}
user = {user}
group = {group}
root_password = {os.environ["TESTKIT_ADMIN_PW"]}
port = {ldap_port}
secure_port = {ldaps_port}
self_sign_cert = False

[backend-userroot]
suffix = dc=example,dc=org
create_suffix_entry = False
""")
