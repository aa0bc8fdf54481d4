<?xml version="1.0" encoding="UTF-8"?>
<!--
  Turns the stock domain.xml of the Payara Server zip into the one the integration tests boot.
  The stock domain listens on every interface (8080, 8181, 4848, 3700/3820/3920, 8686) and starts
  OpenMQ (7676) and Hazelcast (4900): on a shared machine the test server must use its own ports, bind
  to 127.0.0.1 only, and not open what Arbor does not use (no remote EJB, no JMS, no clustering).
  Only the DAS configuration (server-config) is touched; everything else is copied unchanged.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="bind" select="'127.0.0.1'"/>
  <xsl:param name="http-port"/>
  <xsl:param name="admin-port"/>
  <xsl:param name="domain-name"/>

  <!-- identity: copy everything not matched below (the templates below copy the attributes first and then
       override some: a later xsl:attribute of the same name wins) -->
  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- HTTP for the application and the admin listener (asadmin, Arquillian): loopback, own ports -->
  <xsl:template match="config[@name='server-config']/network-config/network-listeners/network-listener">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="address"><xsl:value-of select="$bind"/></xsl:attribute>
      <xsl:choose>
        <xsl:when test="@name='http-listener-1'">
          <xsl:attribute name="port"><xsl:value-of select="$http-port"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="@name='admin-listener'">
          <xsl:attribute name="port"><xsl:value-of select="$admin-port"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <!-- HTTPS (8181) is not tested: off -->
          <xsl:attribute name="enabled">false</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- oTree's REST clients send a JSON body with every GET, which Grizzly refuses (400, empty body) unless the
       listener's protocol allows it. Set here, before the first start. It used to be set with "asadmin set" on
       the running server, which reconfigures the live listener: in two CI runs the HTTP port then stayed
       closed (connection refused) for the whole test run while the admin port answered. -->
  <xsl:template match="config[@name='server-config']/network-config/protocols/protocol[@name='http-listener-1']/http">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="allow-payload-for-undefined-http-methods">true</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- IIOP (remote EJB) and the JMX connector: not used, off (and on loopback should they be enabled) -->
  <xsl:template match="config[@name='server-config']/iiop-service/iiop-listener
                       | config[@name='server-config']/admin-service/jmx-connector">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="address"><xsl:value-of select="$bind"/></xsl:attribute>
      <xsl:attribute name="enabled">false</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- Hazelcast (data grid, clustering): off; its DAS port bound to loopback should it be enabled -->
  <xsl:template match="config[@name='server-config']/hazelcast-config-specific-configuration">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="enabled">false</xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="/domain/hazelcast-runtime-configuration">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="das-bind-address"><xsl:value-of select="$bind"/></xsl:attribute>
      <xsl:attribute name="interface"><xsl:value-of select="$bind"/></xsl:attribute>
    </xsl:copy>
  </xsl:template>

  <!-- asadmin's messages name the domain after this property -->
  <xsl:template match="/domain/property[@name='administrative.domain.name']/@value">
    <xsl:attribute name="value"><xsl:value-of select="$domain-name"/></xsl:attribute>
  </xsl:template>

  <!-- JMS: server-config has no jms-service (so the default, embedded OpenMQ on 7676, applies): disable it -->
  <xsl:template match="config[@name='server-config']">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="not(jms-service)">
        <jms-service type="DISABLED" default-jms-host="default_JMS_host">
          <jms-host name="default_JMS_host" host="{$bind}" port="27676" lazy-init="true"/>
        </jms-service>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
