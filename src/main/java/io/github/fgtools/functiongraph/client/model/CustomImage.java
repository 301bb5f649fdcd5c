package io.github.fgtools.functiongraph.client.model;

/** A container image from SWR (<code>custom_image</code>), for the Custom Image runtime. Set in the POM by element name (camelCase); sent in snake_case. */
public class CustomImage {
    public Boolean enabled;
    public String image;
    public String command;
    public String args;
    public String workingDir;
    public String uid;
    public String gid;
}
