# Timbre's container image. Build: docker build -t timbre .   Run: docker run -p 8080:8080 -e TIMBRE_API_KEY=… timbre
# Two stages: Maven + Node build the server and its web app; the runtime is Debian 12 (the engines' packages) with
# the Temurin 21 JRE, running as the non-root user timbre. Steps live in deploy/image/install-runtime.sh.

FROM maven:3.9.11-eclipse-temurin-21 AS build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package \
    && deploy/image/install-runtime.sh layout /opt/timbre

FROM eclipse-temurin:21-jre AS jre

FROM debian:bookworm-slim
COPY deploy/image/install-runtime.sh /tmp/install-runtime.sh
RUN /tmp/install-runtime.sh packages && /tmp/install-runtime.sh user && rm /tmp/install-runtime.sh
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:$PATH TIMBRE_DATA=/var/lib/timbre TIMBRE_PORT=8080
COPY --from=build /opt/timbre /opt/timbre
USER 10001:10001
VOLUME /var/lib/timbre
# HTTP API; SIP (UDP and TCP) and the RTP range for phone calls over SIP trunks
EXPOSE 8080 5060/udp 5060/tcp 10000-10100/udp
ENV TIMBRE_RTP_PORTS=10000-10100
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:${TIMBRE_PORT}/health/ready || exit 1
ENTRYPOINT ["/usr/bin/tini", "--", "/opt/timbre/entrypoint.sh"]
