package io.github.fgtools.functiongraph.client.model;

/** The code sent inline (<code>func_code</code>): the package file, as base64. */
public class FuncCode {
    public CodeFile file;
    public String link;

    public FuncCode() {
    }

    public FuncCode(CodeFile file) {
        this.file = file;
    }
}
