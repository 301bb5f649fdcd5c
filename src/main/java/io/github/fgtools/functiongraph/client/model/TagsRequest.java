package io.github.fgtools.functiongraph.client.model;

import java.util.ArrayList;
import java.util.List;

/**
 * CreateTags' body ({@code UpdateFunctionTagsRequestBody}: {@code POST /v2/{project_id}/functions/{resource_id}/
 * tags/create}): {@code {"action": "create", "tags": [{"key", "value"}]}}.
 */
public class TagsRequest {
    public String action;
    public List<Tag> tags = new ArrayList<>();

    /** {@code KvItem}. */
    public static class Tag {
        public String key;
        public String value;

        public Tag() {
        }

        public Tag(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }
}
