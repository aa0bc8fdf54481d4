#!/usr/bin/env bash
# Arbor on Open Liberty (Jakarta EE 10 features): the commands of the IT guide (ear/README.md, "Open Liberty").
#
#   openliberty.sh create     create the server "arbor" (loopback only, ports from PORT_BASE, Arbor's settings), start it
#   openliberty.sh deploy     deploy (or upgrade: same name, data kept) the EAR, wait until it has started
#   openliberty.sh undeploy   remove the application (the database stays)
#   openliberty.sh start|stop start or stop the server
#
# Variables: WLP_HOME (the unpacked wlp directory of io.openliberty:openliberty-runtime), EAR (path of the EAR to
# deploy, e.g. a study's), WLP_USER_DIR (default $WLP_HOME/usr: the server's configuration, apps, logs), PORT_BASE
# (default 9000: HTTP PORT_BASE+80, HTTPS PORT_BASE+443), BIND (default 127.0.0.1), START_TIMEOUT (seconds, default
# 300). Arbor's own settings (DATABASE_URL, OTREE_AUTH_LEVEL, ... see the list below) are taken from this script's
# environment at "create" and written to the server's jvm.options as system properties.
set -euo pipefail

: "${WLP_HOME:?set WLP_HOME to the unpacked wlp directory}"
export WLP_USER_DIR=${WLP_USER_DIR:-$WLP_HOME/usr}
PORT_BASE=${PORT_BASE:-9000}
BIND=${BIND:-127.0.0.1}
START_TIMEOUT=${START_TIMEOUT:-300}
SERVER=arbor
SERVER_DIR=$WLP_USER_DIR/servers/$SERVER
LOG=$SERVER_DIR/logs/messages.log
ARBOR_VARIABLES="DATABASE_URL ARBOR_DATA ARBOR_SETTINGS OTREE_AUTH_LEVEL OTREE_ADMIN_PASSWORD OTREE_REST_KEY
  OTREE_PRODUCTION ARBOR_SECRET_KEY ARBOR_TRUSTED_PROXIES ARBOR_BASE_URL ARBOR_LOGIN_LOCKOUT_SECONDS
  ARBOR_OIDC_ISSUER ARBOR_OIDC_CLIENT_ID ARBOR_OIDC_CLIENT_SECRET ARBOR_OIDC_GROUPS_CLAIM ARBOR_OIDC_ROLE_MAP
  ARBOR_OIDC_BUTTON ARBOR_PARTICIPANT_PAGE_SNIPPET"

# waits until messages.log has a line matching $1 after line $2
await() {
  local pattern=$1 after=$2 waited=0
  until tail -n +"$((after + 1))" "$LOG" 2>/dev/null | grep -qE "$pattern"; do
    if tail -n +"$((after + 1))" "$LOG" 2>/dev/null | grep -qE "CWWKZ0002E|CWWKZ0004E|CWWKZ0012I"; then
      echo "Open Liberty reports a failure: see $LOG" >&2
      tail -n +"$((after + 1))" "$LOG" | grep -E "CWWKZ000[24]E|CWWKZ0012I" >&2
      exit 1
    fi
    if [ "$waited" -ge "$START_TIMEOUT" ]; then
      echo "no \"$pattern\" in $LOG within $START_TIMEOUT s" >&2
      exit 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

lines() { if [ -f "$LOG" ]; then wc -l <"$LOG"; else echo 0; fi; }

case "${1:-}" in
  create)
    if [ ! -d "$SERVER_DIR" ]; then
      "$WLP_HOME/bin/server" create "$SERVER"
    fi
    cat >"$SERVER_DIR/server.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<server description="Arbor">
  <featureManager>
    <!-- what Arbor uses of Jakarta EE 10 (no remote EJBs, no messaging: no ORB or JMS ports), and MicroProfile
         Config. Not mpHealth: it would take /health from Arbor's own health endpoint. -->
    <feature>servlet-6.0</feature>
    <feature>pages-3.1</feature>
    <feature>faces-4.0</feature>
    <feature>restfulWS-3.1</feature>
    <feature>jsonb-3.0</feature>
    <feature>jsonp-2.1</feature>
    <feature>cdi-4.0</feature>
    <feature>beanValidation-3.0</feature>
    <feature>persistence-3.1</feature>
    <feature>enterpriseBeansLite-4.0</feature>
    <feature>concurrent-3.0</feature>
    <feature>websocket-2.1</feature>
    <feature>appSecurity-5.0</feature>
    <feature>mpConfig-3.0</feature>
  </featureManager>
  <httpEndpoint id="defaultHttpEndpoint" host="$BIND" httpPort="$((PORT_BASE + 80))" httpsPort="$((PORT_BASE + 443))"/>
  <applicationManager autoExpand="true"/>
  <!-- deploy replaces the EAR file; Liberty notices and restarts the application -->
  <applicationMonitor updateTrigger="polled" pollingRate="2s" dropinsEnabled="false"/>
  <!-- the application (configDropins/overrides/arbor.xml) is written by "deploy" and removed by "undeploy" -->
</server>
EOF
    # Arbor's settings as system properties, one per line (jvm.options takes the line as it is)
    : >"$SERVER_DIR/jvm.options"
    for name in $ARBOR_VARIABLES; do
      if [ -n "${!name+x}" ]; then
        printf -- '-D%s=%s\n' "$name" "${!name}" >>"$SERVER_DIR/jvm.options"
      fi
    done
    mkdir -p "$SERVER_DIR/configDropins/overrides" "$SERVER_DIR/apps"
    "$0" start
    ;;
  deploy)
    : "${EAR:?set EAR to the path of the EAR to deploy}"
    after=$(lines)
    # Liberty opens an application's @DataSourceDefinition class only from a library the server configures:
    # Arbor's data source classes (from arbor-ejb.jar, without its beans: the application has those) and the
    # JDBC drivers (lib/), taken from this very EAR
    library=$SERVER_DIR/arbor-library
    rm -rf "$library"
    mkdir -p "$library/classes"
    unzip -q -j -o "$EAR" arbor-ejb.jar 'lib/com.h2database-h2-*.jar' 'lib/com.mysql-mysql-connector-j-*.jar' -d "$library"
    unzip -q -o "$library/arbor-ejb.jar" 'org/arborlab/control/database/ArborDataSource*' \
        'org/arborlab/control/database/DatabaseUrl*' 'org/arborlab/control/Configuration.class' -d "$library/classes"
    rm "$library/arbor-ejb.jar"
    # a new file under a temporary name first: Liberty never sees a half-copied EAR
    cp "$EAR" "$SERVER_DIR/apps/arbor.ear.new"
    mv -f "$SERVER_DIR/apps/arbor.ear.new" "$SERVER_DIR/apps/arbor.ear"
    if [ ! -f "$SERVER_DIR/configDropins/overrides/arbor.xml" ]; then
      cat >"$SERVER_DIR/configDropins/overrides/arbor.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<server>
  <library id="arborLibrary">
    <folder dir="${server.config.dir}/arbor-library/classes"/>
    <fileset dir="${server.config.dir}/arbor-library" includes="*.jar"/>
  </library>
  <enterpriseApplication id="arbor" name="arbor" location="arbor.ear">
    <classloader commonLibraryRef="arborLibrary"/>
  </enterpriseApplication>
</server>
EOF
    fi
    # CWWKZ0001I: started; CWWKZ0003I: updated (an upgrade)
    await "CWWKZ000[13]I: .* arbor " "$after"
    ;;
  undeploy)
    after=$(lines)
    rm -f "$SERVER_DIR/configDropins/overrides/arbor.xml"
    # CWWKZ0009I: stopped
    await "CWWKZ0009I: .* arbor " "$after"
    rm -f "$SERVER_DIR/apps/arbor.ear"
    ;;
  start)
    "$WLP_HOME/bin/server" start "$SERVER"
    ;;
  stop)
    "$WLP_HOME/bin/server" stop "$SERVER"
    ;;
  *)
    echo "usage: $0 create|deploy|undeploy|start|stop" >&2
    exit 2
    ;;
esac
