#!/usr/bin/env bash
# Arbor on GlassFish 7: the commands of the IT guide (ear/README.md, "GlassFish 7"). The build's GlassFish test
# (GlassFishIT) runs this very file, so the guide and the test cannot drift apart.
#
#   glassfish.sh create     create the domain "arbor" (loopback only, ports from PORT_BASE), start it, set it up
#   glassfish.sh deploy     deploy (or upgrade: same name, data kept) the EAR
#   glassfish.sh undeploy   remove the application (the database stays)
#   glassfish.sh start|stop start or stop the domain
#
# Variables: GLASSFISH_HOME (the unpacked glassfish7 directory), EAR (path of the EAR to deploy, e.g. a
# study's), PORT_BASE (default 8000: HTTP on PORT_BASE+80, admin on PORT_BASE+48), BIND (default 127.0.0.1),
# DOMAIN_DIR (default $GLASSFISH_HOME/glassfish/domains). Arbor's own settings (DATABASE_URL, OTREE_AUTH_LEVEL, ... see the list
# below) are taken from this script's environment at "create" and stored as JVM options of the domain.
set -euo pipefail

: "${GLASSFISH_HOME:?set GLASSFISH_HOME to the unpacked glassfish7 directory}"
PORT_BASE=${PORT_BASE:-8000}
BIND=${BIND:-127.0.0.1}
DOMAIN_DIR=${DOMAIN_DIR:-$GLASSFISH_HOME/glassfish/domains}
ADMIN_PORT=$((PORT_BASE + 48))
HTTP_PORT=$((PORT_BASE + 80))
ARBOR_VARIABLES="DATABASE_URL ARBOR_DATA ARBOR_SETTINGS OTREE_AUTH_LEVEL OTREE_ADMIN_PASSWORD OTREE_REST_KEY
  OTREE_PRODUCTION ARBOR_SECRET_KEY ARBOR_TRUSTED_PROXIES ARBOR_BASE_URL ARBOR_LOGIN_LOCKOUT_SECONDS
  ARBOR_OIDC_ISSUER ARBOR_OIDC_CLIENT_ID ARBOR_OIDC_CLIENT_SECRET ARBOR_OIDC_GROUPS_CLAIM ARBOR_OIDC_ROLE_MAP
  ARBOR_OIDC_BUTTON ARBOR_PARTICIPANT_PAGE_SNIPPET"

asadmin() { "$GLASSFISH_HOME/bin/asadmin" "$@"; }
remote() { asadmin --host 127.0.0.1 --port "$ADMIN_PORT" "$@"; }

case "${1:-}" in
  create)
    asadmin create-domain --nopassword=true --portbase "$PORT_BASE" --domaindir "$DOMAIN_DIR" arbor
    # A new domain listens on every interface: bind each listener to $BIND before the first start; the
    # message broker's port follows PORT_BASE too (create-domain leaves it at 7676 above the base).
    sed -i -e "s/address=\"0\.0\.0\.0\"/address=\"$BIND\"/" \
        -e "/<network-listener /{/address=/!s/<network-listener /<network-listener address=\"$BIND\" /}" \
        -e "s/\"JMS_PROVIDER_PORT\" value=\"[0-9]*\"/\"JMS_PROVIDER_PORT\" value=\"$((PORT_BASE + 76))\"/" \
        "$DOMAIN_DIR/arbor/config/domain.xml"
    AS_START_TIMEOUT=300000 asadmin start-domain --domaindir "$DOMAIN_DIR" arbor
    # the embedded message broker (Arbor does not use it) would listen on every interface: $BIND only
    remote set "configs.config.server-config.jms-service.start-args=-Dimq.hostname=$BIND"
    # oTree's REST clients send a JSON body with every GET: Grizzly refuses such requests unless allowed
    remote set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.allow-payload-for-undefined-http-methods=true
    # Arbor's settings as JVM options; asadmin splits options at ":", so every ":" in a value is escaped
    for name in $ARBOR_VARIABLES; do
      if [ -n "${!name+x}" ]; then
        remote create-jvm-options "-D$name=${!name//:/\\:}"
      fi
    done
    # JVM options take effect at the next start
    asadmin stop-domain --domaindir "$DOMAIN_DIR" arbor
    AS_START_TIMEOUT=300000 asadmin start-domain --domaindir "$DOMAIN_DIR" arbor
    ;;
  deploy)
    : "${EAR:?set EAR to the path of the EAR to deploy}"
    # --force: an upgrade replaces the running version; the database (and so every session) is kept
    remote deploy --name arbor --force=true "$EAR"
    ;;
  undeploy)
    remote undeploy arbor
    ;;
  start)
    # Arbor starts with the domain: its first start (schema set-up) can take over 100 s on a small machine,
    # past asadmin's default wait of 60 s (AS_START_TIMEOUT, in milliseconds; GlassFish 7.0.25+: --timeout)
    AS_START_TIMEOUT=300000 asadmin start-domain --domaindir "$DOMAIN_DIR" arbor
    ;;
  stop)
    asadmin stop-domain --domaindir "$DOMAIN_DIR" arbor
    ;;
  *)
    echo "usage: $0 create|deploy|undeploy|start|stop" >&2
    exit 2
    ;;
esac
