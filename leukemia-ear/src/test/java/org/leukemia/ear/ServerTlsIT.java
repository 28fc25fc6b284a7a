package org.leukemia.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.leukemia.web.it.DeployedApplication;

/**
 * The EAR on Payara Server over HTTPS, through the domain's own TLS listener: the session
 * cookie a sign-in gives is marked Secure, so that a browser never sends it over plain HTTP.
 * The domain's certificate is the self-signed one {@code create-domain} made, so this client
 * trusts any certificate; a hospital installs its own.
 */
class ServerTlsIT {

    @Test
    void overHttpsTheSessionCookieIsSecureHttpOnlyAndSameSiteStrict() throws Exception {
        String url = PayaraServerDomain.get().secureApplicationUrl() + "j_security_check";
        HttpsURLConnection signIn = (HttpsURLConnection) URI.create(url).toURL()
                .openConnection();
        signIn.setSSLSocketFactory(trustingAnyCertificate().getSocketFactory());
        signIn.setHostnameVerifier((host, session) -> true);
        signIn.setInstanceFollowRedirects(false);
        signIn.setRequestMethod("POST");
        signIn.setDoOutput(true);
        signIn.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        signIn.getOutputStream().write(("j_username=admin&j_password=" + URLEncoder.encode(
                DeployedApplication.ADMIN_PASSWORD, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(signIn.getResponseCode()).isEqualTo(HttpURLConnection.HTTP_MOVED_TEMP);
        assertThat(signIn.getHeaderField("Location")).doesNotContain("failed");
        List<String> cookies = signIn.getHeaderFields().get("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase())
                        .contains("secure", "httponly", "samesite=strict"));
        assertThat(signIn.getHeaderField("Cache-Control")).isEqualTo("no-store");
    }

    private static SSLContext trustingAnyCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
