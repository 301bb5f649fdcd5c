package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.Setting;

import java.util.Locale;

/** Every "what to do next" text for API errors, in one place. */
final class Hints {
    private Hints() {
    }

    static String forStatus(ApiRequest request, int status, String code, String msg, Credentials credentials,
            String localUtc) {
        String m = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
        if (status == 401) {
            String who = credentials == null ? "no credentials" : credentials.toString();
            return "The gateway refused the credentials (" + who + "). Usual causes: a wrong or deleted access key, "
                    + "a secret key that does not belong to it, an expired security token or IAM token, or a clock "
                    + "off by more than 15 minutes: this machine's UTC time sent was " + localUtc
                    + ". Note: five bad signatures in a row lock the key for 5 minutes.";
        }
        if (status == 403) {
            if (request.service == ApiRequest.Service.OBS) {
                return "OBS refused the request: check that the bucket exists in the function's region, that the "
                        + "access key may write to it, and the clock (UTC sent " + localUtc + ").";
            }
            return "The account lacks a permission for this call" + (m.contains("action") || m.contains("permission")
                    ? " (named above)" : "") + ": grant the IAM user the FunctionGraph policy it needs (e.g. "
                    + "FunctionGraph FullAccess, or functiongraph:function:create/update/getConfig), in the "
                    + "function's project.";
        }
        if (status == 429) {
            return "The API is throttling this account: raise " + Setting.RETRIES + " or deploy less "
                    + "often in parallel.";
        }
        if ("FSS.1071".equals(code) || status == 413) {
            return "The package is too large to send inline (50 MB): set " + Setting.OBS_BUCKET + " "
                    + "to upload it through OBS (up to 300 MB).";
        }
        if (status == 404 && request.service == ApiRequest.Service.FUNCTIONGRAPH && code == null) {
            return "Check " + Setting.ENDPOINT + ", " + Setting.REGION + " and " + Setting.PROJECT_ID
                    + ": the path was not found.";
        }
        return null;
    }
}
