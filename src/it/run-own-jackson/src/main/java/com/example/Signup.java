package com.example;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Snake-case JSON names through the project's own Jackson annotations. */
public class Signup {
    @JsonProperty("user_name")
    public String userName;

    @JsonProperty("signed_up")
    public String signedUp;
}
