package io.github.fgtools.functiongraph.client.model;

import io.github.fgtools.functiongraph.client.Json;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed bodies name the fields the official SDK's request models name (as written by Json.API). */
class RequestModelTest {
    private static List<String> ours(Class<?> type) {
        SerializationConfig config = Json.API.getSerializationConfig();
        JavaType t = config.constructType(type);
        return config.introspect(t).findProperties().stream().map(BeanPropertyDefinition::getName)
                .collect(Collectors.toList());
    }

    private static List<String> sdk(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            JsonProperty p = f.getAnnotation(JsonProperty.class);
            if (p != null) {
                names.add(p.value());
            }
        }
        return names;
    }

    @Test
    void createFunction() {
        List<String> expected = sdk(com.huaweicloud.sdk.functiongraph.v2.model.CreateFunctionRequestBody.class);
        expected.add("lts_custom_tag"); // in the API's definition (the seed), not in the SDK's model
        assertThat(ours(CreateFunctionRequest.class)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void updateFunctionCode() {
        assertThat(ours(UpdateFunctionCodeRequest.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionCodeRequestBody.class));
    }

    @Test
    void updateFunctionConfig() {
        assertThat(ours(UpdateFunctionConfigRequest.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.UpdateFunctionConfigRequestBody.class));
    }

    @Test
    void nestedModels() {
        assertThat(ours(FuncCode.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.FuncCode.class));
        assertThat(ours(StrategyConfig.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.StrategyConfig.class));
        assertThat(ours(FuncVpc.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.FuncVpc.class));
        assertThat(ours(MountConfig.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.MountConfig.class));
        assertThat(ours(LogConfig.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.FuncLogConfig.class));
        assertThat(ours(NetworkController.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.NetworkControlConfig.class));
        assertThat(ours(CustomImage.class)).containsExactlyInAnyOrderElementsOf(
                sdk(com.huaweicloud.sdk.functiongraph.v2.model.CustomImage.class));
    }
}
