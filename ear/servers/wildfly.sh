#!/usr/bin/env bash
# Arbor on WildFly (Jakarta EE 10, standalone.xml): the commands of the IT guide (ear/README.md, "WildFly"). The
# build's WildFly test (WildFlyIT) runs this very file, so the guide and the test cannot drift apart.
#
#   wildfly.sh create     set up a server directory (loopback only, ports from PORT_BASE, Arbor's settings), start it
#   wildfly.sh deploy     deploy (or upgrade: same name, data kept) the EAR
#   wildfly.sh undeploy   remove the application (the database stays)
#   wildfly.sh start|stop start (and wait until it runs) or stop the server
#
# Variables: WILDFLY_HOME (the unpacked wildfly-NN directory), EAR (path of the EAR to deploy, e.g. a study's),
# SERVER_DIR (default $WILDFLY_HOME/standalone: configuration, data and logs; keep it outside WILDFLY_HOME to
# upgrade WildFly by unpacking a new one), PORT_BASE (default 8000: HTTP PORT_BASE+80, management PORT_BASE+990,
# HTTPS +443, AJP +9, transaction recovery +712 and +713), BIND (default 127.0.0.1), START_TIMEOUT (seconds,
# default 300). Arbor's own settings (DATABASE_URL, OTREE_AUTH_LEVEL, ... see the list below) are taken from
# this script's environment at "create" and stored as system properties of the server (standalone.xml).
set -euo pipefail

: "${WILDFLY_HOME:?set WILDFLY_HOME to the unpacked WildFly directory}"
SERVER_DIR=${SERVER_DIR:-$WILDFLY_HOME/standalone}
PORT_BASE=${PORT_BASE:-8000}
BIND=${BIND:-127.0.0.1}
START_TIMEOUT=${START_TIMEOUT:-300}
MANAGEMENT_PORT=$((PORT_BASE + 990))
ARBOR_VARIABLES="DATABASE_URL ARBOR_DATA ARBOR_SETTINGS OTREE_AUTH_LEVEL OTREE_ADMIN_PASSWORD OTREE_REST_KEY
  OTREE_PRODUCTION ARBOR_SECRET_KEY ARBOR_TRUSTED_PROXIES ARBOR_BASE_URL ARBOR_LOGIN_LOCKOUT_SECONDS
  ARBOR_OIDC_ISSUER ARBOR_OIDC_CLIENT_ID ARBOR_OIDC_CLIENT_SECRET ARBOR_OIDC_GROUPS_CLAIM ARBOR_OIDC_ROLE_MAP
  ARBOR_OIDC_BUTTON ARBOR_PARTICIPANT_PAGE_SNIPPET"

# the CLI of the running server (it logs in as the local user: no management password is needed on this machine)
cli() { "$WILDFLY_HOME/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$MANAGEMENT_PORT" "$@"; }

# a value as a quoted CLI string
quoted() { local value=${1//\\/\\\\}; printf '"%s"' "${value//\"/\\\"}"; }

# something listens on the management port (cheaper than a CLI call, which starts a JVM)
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT") 2>/dev/null; }

running() { listening && cli --command=':read-attribute(name=server-state)' 2>/dev/null | grep -q '"result" => "running"'; }

start() {
  if running; then
    echo "WildFly already runs (management port $MANAGEMENT_PORT)"
    return
  fi
  mkdir -p "$SERVER_DIR/log"
  # in the background, detached from this shell; server.log in $SERVER_DIR/log has everything after boot.
  # The blocking timeout bounds how long a deployment may take (Arbor's first one sets up the schema: over 100 s
  # on a small, loaded machine; WildFly's default is 300 s).
  LAUNCH_JBOSS_IN_BACKGROUND=1 nohup "$WILDFLY_HOME/bin/standalone.sh" -c standalone.xml \
      -Djboss.server.base.dir="$SERVER_DIR" -Djboss.as.management.blocking.timeout=600 \
      >"$SERVER_DIR/log/console.log" 2>&1 </dev/null &
  echo $! >"$SERVER_DIR/wildfly.pid"
  # boot ends with WFLYSRV0025 (started) or WFLYSRV0026 (started with errors) in the console output
  local waited=0
  until grep -qE 'WFLYSRV002[56]' "$SERVER_DIR/log/console.log"; do
    if [ "$waited" -ge "$START_TIMEOUT" ] || ! kill -0 "$(cat "$SERVER_DIR/wildfly.pid")" 2>/dev/null; then
      echo "WildFly did not start within $START_TIMEOUT s: see $SERVER_DIR/log/console.log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  if grep -q 'WFLYSRV0026' "$SERVER_DIR/log/console.log"; then
    echo "WildFly started with errors: see $SERVER_DIR/log/server.log" >&2
    exit 1
  fi
  echo "WildFly runs: HTTP $BIND:$((PORT_BASE + 80)), management 127.0.0.1:$MANAGEMENT_PORT"
}

case "${1:-}" in
  create)
    if [ ! -d "$SERVER_DIR/configuration" ]; then
      mkdir -p "$SERVER_DIR/deployments"
      cp -r "$WILDFLY_HOME/standalone/configuration" "$SERVER_DIR/"
    fi
    commands="$(mktemp)"
    trap 'rm -f "$commands"' EXIT
    {
      echo "embed-server --server-config=standalone.xml --std-out=discard"
      # every port from PORT_BASE, the public interface on $BIND and management on the loopback only
      echo "/socket-binding-group=standard-sockets/socket-binding=http:write-attribute(name=port,value=$((PORT_BASE + 80)))"
      echo "/socket-binding-group=standard-sockets/socket-binding=https:write-attribute(name=port,value=$((PORT_BASE + 443)))"
      echo "/socket-binding-group=standard-sockets/socket-binding=ajp:write-attribute(name=port,value=$((PORT_BASE + 9)))"
      echo "/socket-binding-group=standard-sockets/socket-binding=management-http:write-attribute(name=port,value=$MANAGEMENT_PORT)"
      echo "/socket-binding-group=standard-sockets/socket-binding=management-https:write-attribute(name=port,value=$((PORT_BASE + 993)))"
      echo "/socket-binding-group=standard-sockets/socket-binding=txn-recovery-environment:write-attribute(name=port,value=$((PORT_BASE + 712)))"
      echo "/socket-binding-group=standard-sockets/socket-binding=txn-status-manager:write-attribute(name=port,value=$((PORT_BASE + 713)))"
      echo "/interface=public:write-attribute(name=inet-address,value=$BIND)"
      echo "/interface=management:write-attribute(name=inet-address,value=127.0.0.1)"
      # Arbor's own authentication mechanism (Jakarta Security) names the signed-in user and roles itself:
      # WildFly must take that identity as it is instead of looking the user up in its ApplicationRealm
      # (otherwise every signed-in request fails with "ELY01177: Authorization failed")
      echo "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)"
      # EclipseLink (in the EAR's lib/) joins WildFly's transactions through its JBoss platform and logs through
      # java.util.logging into server.log; Payara and GlassFish set both themselves
      echo "if (outcome != success) of /system-property=eclipselink.target-server:read-resource"
      echo "  /system-property=eclipselink.target-server:add(value=JBoss)"
      echo "end-if"
      echo "if (outcome != success) of /system-property=eclipselink.logging.logger:read-resource"
      echo "  /system-property=eclipselink.logging.logger:add(value=JavaLogger)"
      echo "end-if"
      # Arbor's settings as system properties (read before the application's CDI is up, and by MicroProfile Config)
      for name in $ARBOR_VARIABLES; do
        if [ -n "${!name+x}" ]; then
          echo "if (outcome == success) of /system-property=$name:read-resource"
          echo "  /system-property=$name:remove"
          echo "end-if"
          echo "/system-property=$name:add(value=$(quoted "${!name}"))"
        fi
      done
      echo "stop-embedded-server"
    } >"$commands"
    JAVA_OPTS="-Djboss.server.base.dir=$SERVER_DIR" "$WILDFLY_HOME/bin/jboss-cli.sh" --file="$commands"
    start
    ;;
  deploy)
    : "${EAR:?set EAR to the path of the EAR to deploy}"
    # --force: an upgrade replaces the running version; the database (and so every session) is kept.
    # The name must end in .ear: WildFly tells an EAR by its name.
    cli --command="deploy --force --name=arbor.ear $(quoted "$EAR")"
    ;;
  undeploy)
    cli --command="undeploy arbor.ear"
    ;;
  start)
    start
    ;;
  stop)
    if running; then
      cli --command=":shutdown"
    fi
    # until the process has ended and its ports are free
    if [ -f "$SERVER_DIR/wildfly.pid" ]; then
      pid=$(cat "$SERVER_DIR/wildfly.pid")
      for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      rm -f "$SERVER_DIR/wildfly.pid"
    fi
    ;;
  *)
    echo "usage: $0 create|deploy|undeploy|start|stop" >&2
    exit 2
    ;;
esac
