package io.github.fgtools.functiongraph.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** UpdateFunctionCode's body: the fields of the SDK's {@code UpdateFunctionCodeRequestBody}. */
@JsonPropertyOrder({"code_type", "code_filename", "code_url", "func_code", "depend_version_list"})
public class UpdateFunctionCodeRequest {
    public String codeType;
    public String codeFilename;
    public String codeUrl;
    public FuncCode funcCode;
    public List<String> dependVersionList;
}
