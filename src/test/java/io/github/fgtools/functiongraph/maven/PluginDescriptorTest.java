package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.config.Parameter;
import io.github.fgtools.functiongraph.config.Parameters;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's property names and defaults, as the generated plugin descriptor publishes them to users. */
class PluginDescriptorTest {

    private static Map<String, String[]> configuration(String goal) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            Map<String, String[]> result = new LinkedHashMap<>();
            Element conf = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList children = conf.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                Node n = children.item(j);
                if (n instanceof Element) {
                    Element e = (Element) n;
                    result.put(e.getTagName(), new String[] {e.getTextContent(), e.getAttribute("default-value")});
                }
            }
            return result;
        }
        throw new AssertionError("no goal " + goal);
    }

    private static void assertProperty(Map<String, String[]> conf, String element, String property, String def) {
        assertThat(conf).as(element).containsKey(element);
        assertThat(conf.get(element)[0]).as(element + " property").isEqualTo("${" + property + "}");
        if (def != null) {
            assertThat(conf.get(element)[1]).as(element + " default").isEqualTo(def);
        }
    }

    @Test
    void deployParametersHaveTheContractsPropertiesAndDefaults() throws Exception {
        Map<String, String[]> c = configuration("deploy");
        assertProperty(c, "functionName", "functiongraph.functionName", "${project.artifactId}");
        assertProperty(c, "functionPackage", "functiongraph.package", "default");
        assertProperty(c, "runtime", "functiongraph.runtime", "");
        assertProperty(c, "handler", "functiongraph.handler", "");
        assertProperty(c, "memorySize", "functiongraph.memorySize", "256");
        assertProperty(c, "timeout", "functiongraph.timeout", "30");
        assertProperty(c, "codeType", "functiongraph.codeType", "");
        assertProperty(c, "description", "functiongraph.description", "${project.description}");
        assertProperty(c, "functionType", "functiongraph.type", "v2");
        assertProperty(c, "includeDependencies", "functiongraph.includeDependencies", "true");
        assertProperty(c, "codeDirectory", "functiongraph.codeDirectory", "");
        for (String p : new String[] {"region", "projectId", "endpoint", "iamEndpoint", "obsEndpoint", "obsBucket",
                "obsObjectKey", "xrole", "appXrole", "initializerHandler", "initializerTimeout", "preStopHandler",
                "preStopTimeout", "enterpriseProjectId", "versionDescription", "alias", "canaryWeight", "versionName",
                "keepVersions", "ephemeralStorage", "enableClassIsolation", "heartbeatHandler", "enableAuthInHeader",
                "domainNames", "restoreHookHandler", "restoreHookTimeout"}) {
            assertProperty(c, p, "functiongraph." + p, "");
        }
        assertProperty(c, "serverId", "functiongraph.serverId", "huaweicloud");
        assertProperty(c, "skip", "functiongraph.skip", "false");
        assertProperty(c, "dryRun", "functiongraph.dryRun", "false");
        assertProperty(c, "updateExisting", "functiongraph.updateExisting", "true");
        assertProperty(c, "publishVersion", "functiongraph.publishVersion", "false");
        assertProperty(c, "retries", "functiongraph.retries", "3");
        assertProperty(c, "connectTimeout", "functiongraph.connectTimeout", "10");
        assertProperty(c, "readTimeout", "functiongraph.readTimeout", "60");
        assertThat(c.get("outputTimestamp")[1]).isEqualTo("${project.build.outputTimestamp}");
    }

    /** Every editable parameter of every goal: its name and whether the descriptor gives it an expression. */
    private static Map<String, Map<String, String>> editableParameters() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        Map<String, Map<String, String>> goals = new LinkedHashMap<>();
        NodeList mojos = doc.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            if (goal.equals("help")) {
                continue;
            }
            Map<String, String[]> conf = configuration(goal);
            Map<String, String> params = new LinkedHashMap<>();
            NodeList list = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < list.getLength(); j++) {
                Element p = (Element) list.item(j);
                if (!"true".equals(p.getElementsByTagName("editable").item(0).getTextContent())) {
                    continue;
                }
                String name = p.getElementsByTagName("name").item(0).getTextContent();
                String[] c = conf.get(name);
                String expression = c == null ? "" : c[0];
                if (expression.isEmpty() && c != null && c[1].startsWith("${project.build.")) {
                    expression = c[1]; // outputTimestamp: a Maven property as its default, no user property
                }
                params.put(name, expression);
            }
            goals.put(goal, params);
        }
        return goals;
    }

    @Test
    void everyParameterOfEveryGoalIsInTheParameterTableWithItsProperty() throws Exception {
        Map<String, Map<String, String>> goals = editableParameters();
        assertThat(goals).containsOnlyKeys("deploy", "invoke", "delete", "run");
        Map<String, Parameter> table = new LinkedHashMap<>();
        for (Parameter p : Parameters.all()) {
            table.put(p.element, p);
        }
        int pomOnly = 0;
        for (Map.Entry<String, Map<String, String>> goal : goals.entrySet()) {
            for (Map.Entry<String, String> param : goal.getValue().entrySet()) {
                Parameter p = table.get(param.getKey());
                assertThat(p).as(goal.getKey() + " parameter " + param.getKey() + " is in config.Parameters").isNotNull();
                String expected = p.property == null ? "" : "${" + p.property + "}";
                assertThat(param.getValue()).as(goal.getKey() + " " + param.getKey() + " property").isEqualTo(expected);
                if (p.property == null) {
                    pomOnly++;
                }
            }
        }
        // maps and objects (userData, encryptedUserData, vpc, ...) are POM-only: no user property
        assertThat(pomOnly).isGreaterThanOrEqualTo(15);
        assertThat(goals.get("deploy")).containsEntry("userData", "").containsEntry("encryptedUserData", "")
                .containsEntry("vpc", "").containsEntry("artifactFile", "");
    }

    @Test
    void invokeParameters() throws Exception {
        Map<String, String[]> c = configuration("invoke");
        assertProperty(c, "qualifier", "functiongraph.qualifier", "latest");
        assertProperty(c, "payload", "functiongraph.payload", "{}");
        assertProperty(c, "payloadFile", "functiongraph.payloadFile", "");
        assertProperty(c, "functionName", "functiongraph.functionName", "${project.artifactId}");
    }

    @Test
    void runParameters() throws Exception {
        Map<String, String[]> c = configuration("run");
        assertProperty(c, "handler", "functiongraph.handler", "");
        assertProperty(c, "runtime", "functiongraph.runtime", "");
        assertProperty(c, "functionName", "functiongraph.functionName", "${project.artifactId}");
        assertProperty(c, "functionPackage", "functiongraph.package", "default");
        assertProperty(c, "memorySize", "functiongraph.memorySize", "256");
        assertProperty(c, "timeout", "functiongraph.timeout", "30");
        assertProperty(c, "payload", "functiongraph.payload", "{}");
        assertProperty(c, "payloadFile", "functiongraph.payloadFile", "");
        assertProperty(c, "runPort", "functiongraph.runPort", "");
        assertProperty(c, "skip", "functiongraph.skip", "false");
    }

    @Test
    void deleteParameters() throws Exception {
        Map<String, String[]> c = configuration("delete");
        assertProperty(c, "functionName", "functiongraph.functionName", "${project.artifactId}");
        assertProperty(c, "functionPackage", "functiongraph.package", "default");
        assertProperty(c, "region", "functiongraph.region", "");
        assertProperty(c, "serverId", "functiongraph.serverId", "huaweicloud");
    }

    @Test
    void everyGoalIsThreadSafeAndOnlyDeployHasAPhase() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        assertThat(doc.getElementsByTagName("goalPrefix").item(0).getTextContent()).isEqualTo("functiongraph");
        NodeList mojos = doc.getElementsByTagName("mojo");
        Map<String, String> phases = new LinkedHashMap<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            assertThat(mojo.getElementsByTagName("threadSafe").item(0).getTextContent()).as(goal).isEqualTo("true");
            NodeList phase = mojo.getElementsByTagName("phase");
            phases.put(goal, phase.getLength() == 0 ? null : phase.item(0).getTextContent());
        }
        assertThat(phases).containsOnlyKeys("deploy", "invoke", "delete", "run", "help")
                .containsEntry("deploy", "package").containsEntry("invoke", null).containsEntry("run", null);
    }
}
