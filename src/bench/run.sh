#!/usr/bin/env bash
# Benchmark: a 45 MB incompressible inline deploy against the loopback stand-in, side by side:
#   (a) mvn functiongraph:deploy under MAVEN_OPTS=-Xmx64m (and the same at 5 MB, to show the heap does not grow)
#   (b) a small program using the official Huawei Cloud SDK doing the same CreateFunction
# Prints, for each: the span from reading the package to the response, whole-process wall time, peak RSS.
# Then packaging alone (PackagingThroughput): 60 MB of jars zipped and copied, and 300 MB packages under -Xmx32m.
# Usage (after `mvn -B install -DskipTests -Dinvoker.skip`): bash src/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/target/bench
rm -rf "$WORK"; mkdir -p "$WORK"
command -v /usr/bin/time >/dev/null || { apt-get update -q && apt-get install -y -q time; }

VERSION=$(sed -n "s:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p" pom.xml | sed -n 1p)
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/cp.txt")"
AK=STANDINAK00000000001
SK=standin-SK-0123456789abcdefghijklmnopqrstuv
PROJECT=0a1b2c3d4e5f60718293a4b5c6d7e8f9

# the stand-in, in a process of its own
java -Xmx2g -cp "$CP" io.github.fgtools.functiongraph.standin.CloudStandIn 0 "$WORK/cloud" > "$WORK/standin.log" 2>&1 &
STANDIN=$!
trap 'kill $STANDIN 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/standin.log" | sed -n 1p || true); [ -n "$URL" ] && break; sleep 0.2; done
echo "stand-in at $URL"

# a user project whose jar carries N MB of random bytes
make_project() { # dir sizeMB
  mkdir -p "$1/src/main/java/com/example" "$1/src/main/resources"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example.bench</groupId><artifactId>$(basename "$1")</artifactId><version>1.0</version>
  <properties>
    <maven.compiler.release>8</maven.compiler.release>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
  </properties>
  <build><plugins>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
    <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
    <plugin>
      <groupId>io.github.fgtools</groupId><artifactId>functiongraph-maven-plugin</artifactId><version>$VERSION</version>
      <configuration><runtime>Java11</runtime><handler>com.example.Handler.handle</handler></configuration>
    </plugin>
  </plugins></build>
</project>
POM
  printf 'package com.example;\npublic class Handler { public String handle(String e) { return e; } }\n' > "$1/src/main/java/com/example/Handler.java"
  head -c $(( $2 * 1024 * 1024 )) /dev/urandom > "$1/src/main/resources/blob.bin"
  mvn -q -o -f "$1/pom.xml" package >/dev/null
}

rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}' "$1"; }

plugin_run() { # sizeMB
  local dir="$WORK/plugin-$1mb"
  make_project "$dir" "$1"
  HUAWEICLOUD_SDK_AK=$AK HUAWEICLOUD_SDK_SK=$SK MAVEN_OPTS="-Xmx64m" /usr/bin/time -v -o "$WORK/time-plugin-$1.txt" \
    mvn -B -f "$dir/pom.xml" io.github.fgtools:functiongraph-maven-plugin:$VERSION:deploy \
      -Dfunctiongraph.endpoint="$URL" -Dfunctiongraph.iamEndpoint="$URL" -Dfunctiongraph.obsEndpoint="$URL" \
      -Dfunctiongraph.projectId=$PROJECT > "$WORK/plugin-$1.log" 2>&1 || { cat "$WORK/plugin-$1.log"; exit 1; }
  grep -q "Created urn" "$WORK/plugin-$1.log" || { cat "$WORK/plugin-$1.log"; exit 1; }
  SPAN=$(sed -n 's/.*Deploy took \([0-9.]*\) s.*/\1/p' "$WORK/plugin-$1.log")
  echo "$SPAN $(wall_s "$WORK/time-plugin-$1.txt") $(rss_mb "$WORK/time-plugin-$1.txt") $(du -m "$dir"/target/functiongraph/*.jar | cut -f1)"
}

read -r P5_SPAN P5_WALL P5_RSS P5_SIZE < <(plugin_run 5)
read -r P45_SPAN P45_WALL P45_RSS P45_SIZE < <(plugin_run 45)

# (b) the official SDK, same package, same stand-in
JAR45=$(ls "$WORK"/plugin-45mb/target/functiongraph/*.jar)
/usr/bin/time -v -o "$WORK/time-sdk.txt" java -cp "$CP" io.github.fgtools.functiongraph.bench.SdkCreateFunction \
  "$URL" $PROJECT $AK $SK "$JAR45" sdk-bench-45 > "$WORK/sdk.log" 2>&1 || { cat "$WORK/sdk.log"; exit 1; }
SDK_SPAN=$(sed -n 's/.*in \([0-9.]*\) s$/\1/p' "$WORK/sdk.log")
SDK_WALL=$(wall_s "$WORK/time-sdk.txt"); SDK_RSS=$(rss_mb "$WORK/time-sdk.txt")

echo
echo "Inline CreateFunction of a ${P45_SIZE} MB incompressible jar against the loopback stand-in ($(nproc) cores, $(java -version 2>&1 | sed -n 1p))"
printf '%-42s %14s %12s %14s\n' "" "read->response" "wall time" "peak RSS"
printf '%-42s %12s s %10s s %11s MB\n' "(a) plugin, mvn deploy, -Xmx64m, 45 MB" "$P45_SPAN" "$P45_WALL" "$P45_RSS"
printf '%-42s %12s s %10s s %11s MB\n' "(b) official SDK program, default heap" "$SDK_SPAN" "$SDK_WALL" "$SDK_RSS"
printf '%-42s %12s s %10s s %11s MB\n' "    plugin, same, 5 MB package" "$P5_SPAN" "$P5_WALL" "$P5_RSS"
awk -v a="$P45_SPAN" -v b="$SDK_SPAN" -v ra="$P45_RSS" -v rb="$SDK_RSS" -v wa="$P45_WALL" -v wb="$SDK_WALL" \
  'BEGIN { printf "ratios plugin/SDK: read->response %.2f, wall %.2f, peak RSS %.2f\n", a/b, wa/wb, ra/rb }'
awk -v a="$P45_RSS" -v b="$P5_RSS" 'BEGIN { printf "plugin peak RSS 45 MB vs 5 MB package: +%d MB (heap capped at 64 MB)\n", a-b }'

# Issue 4: a redeploy with nothing changed sends only reads. 20 MB package, deployed twice.
R="$WORK/redeploy-20mb"; make_project "$R" 20
deploy_once() {
  HUAWEICLOUD_SDK_AK=$AK HUAWEICLOUD_SDK_SK=$SK /usr/bin/time -v -o "$WORK/time-redeploy-$1.txt" \
    mvn -B -f "$R/pom.xml" io.github.fgtools:functiongraph-maven-plugin:$VERSION:deploy \
      -Dfunctiongraph.endpoint="$URL" -Dfunctiongraph.iamEndpoint="$URL" -Dfunctiongraph.obsEndpoint="$URL" \
      -Dfunctiongraph.projectId=$PROJECT > "$WORK/redeploy-$1.log" 2>&1 || { cat "$WORK/redeploy-$1.log"; exit 1; }
  echo "$(sed -n 's/.*Deploy took \([0-9.]*\) s.*/\1/p' "$WORK/redeploy-$1.log") $(wall_s "$WORK/time-redeploy-$1.txt") $(sed -n 's/.*"action" : "\([a-z-]*\)".*/\1/p' "$R/target/functiongraph/deploy-result.json")"
}
read -r R1_SPAN R1_WALL R1_ACTION < <(deploy_once 1)
read -r R2_SPAN R2_WALL R2_ACTION < <(deploy_once 2)
echo
echo "Redeploy of a 20 MB package (goal's own time / whole mvn process):"
printf '  first run  (%s):   %6s s / %6s s\n' "$R1_ACTION" "$R1_SPAN" "$R1_WALL"
printf '  second run (%s): %6s s / %6s s\n' "$R2_ACTION" "$R2_SPAN" "$R2_WALL"
awk -v a="$R2_SPAN" -v b="$R1_SPAN" 'BEGIN { printf "  second/first goal time: %.2f\n", a/b }'
grep -c '' "$WORK/cloud/standin-journal.jsonl" >/dev/null 2>&1 || true

# Packaging alone: up to 300 MB packages (the OBS limit) under a 32 MB heap
echo
echo "Packaging throughput (java -Xmx32m, PackagingThroughput):"
java -Xmx32m -cp "$CP" io.github.fgtools.functiongraph.packaging.PackagingThroughput | sed 's/^/  /'
