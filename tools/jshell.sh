# ./hopfield jshell: JShell with the DSL, its dependencies and the Vector API, imports done.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
if [ ! -f dsl/target/runtime-classpath.txt ] || [ -n "$(find dsl/pom.xml dsl/src -newer dsl/target/runtime-classpath.txt -print -quit)" ]; then
  say "building the DSL (mvn -B -q package -pl dsl -DskipTests)"
  mvn -B -q package -pl dsl -DskipTests
fi
jar=$(ls dsl/target/hopfieldlab-dsl-*.jar | grep -v -e sources -e javadoc | head -n 1)
cp="$jar:$(cat dsl/target/runtime-classpath.txt)"
# the same imports as every notebook session
startup=dsl/src/main/resources/org/hopfieldlab/dsl/imports.jsh
exec jshell --class-path "$cp" \
  --add-modules jdk.incubator.vector -R--add-modules=jdk.incubator.vector \
  --startup DEFAULT --startup PRINTING --startup "$startup" "$@"
