package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** OBS PutObject and HeadObject for the code package, path-style or virtual-hosted. */
public final class ObsClient {
    private final HttpTransport transport;
    private final URI endpoint;
    private final boolean pathStyle;

    public ObsClient(HttpTransport transport, URI endpoint, boolean pathStyle) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.pathStyle = pathStyle;
    }

    /** The URL the request goes to. */
    public URI objectUri(String bucket, String key) {
        return objectUri(endpoint, pathStyle, bucket, key);
    }

    /**
     * An object's URL on {@code endpoint}: path-style {@code <endpoint>/<bucket>/<key>}, or virtual-hosted
     * {@code <scheme>://<bucket>.<endpoint host>[:port]/<key>}.
     */
    static URI objectUri(URI endpoint, boolean pathStyle, String bucket, String key) {
        String path = "/" + ObsSigner.encodeObjectKey(key);
        if (pathStyle) {
            return URI.create(endpoint + "/" + bucket + path);
        }
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        return URI.create(endpoint.getScheme() + "://" + bucket + "." + endpoint.getHost() + port + path);
    }

    /**
     * The {@code code_url} FunctionGraph takes: the object's URL on the OBS endpoint the package is uploaded to, so
     * that it names the object that is there on any cloud (e.g. {@code https://<bucket>.obs.<region>.myhuaweicloud.eu/}
     * in Huawei Cloud Europe), addressed as the upload is (see {@link CloudSettings#obsPathStyle()}).
     */
    public static String codeUrl(CloudSettings cloud, String bucket, String key) {
        return objectUri(cloud.obsEndpoint, cloud.obsPathStyle(), bucket, key).toString();
    }

    /** True when the object is there with this size and MD5 (its ETag), so the upload can be skipped. */
    public boolean exists(String bucket, String key, long size, String md5Base64) throws FunctionGraphException {
        ApiRequest request = new ApiRequest(ApiRequest.Service.OBS, "HEAD", objectUri(bucket, key),
                Collections.<String, String>emptyMap(), null, true, bucket, key);
        ApiResponse response = transport.send(request, null);
        if (response.status == 404) {
            return false;
        }
        if (!response.isSuccess()) {
            throw transport.toException(request, response);
        }
        String length = response.header("Content-Length");
        String etag = response.header("ETag");
        String md5Hex = Digests.hex(Base64.getDecoder().decode(md5Base64));
        return length != null && Long.parseLong(length.trim()) == size && etag != null
                && etag.replace("\"", "").trim().toLowerCase(Locale.ROOT).equals(md5Hex);
    }

    public void put(String bucket, String key, Path file, String contentType, String sha256Hex, String md5Base64)
            throws FunctionGraphException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-MD5", md5Base64);
        FileBody body;
        try {
            body = new FileBody(file, contentType, sha256Hex);
        } catch (IOException e) {
            throw new FunctionGraphException("cannot read " + file + ": " + e.getMessage(), false, e);
        }
        ApiRequest request = new ApiRequest(ApiRequest.Service.OBS, "PUT", objectUri(bucket, key), headers, body, true,
                bucket, key);
        transport.call(request);
    }
}
