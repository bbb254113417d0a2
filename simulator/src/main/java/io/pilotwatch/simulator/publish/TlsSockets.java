package io.pilotwatch.simulator.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Socket factories that trust a given CA (PEM) or trust store, for {@code ssl://} brokers. */
public final class TlsSockets {

    private TlsSockets() {
    }

    /**
     * Trusts the certificates of a PEM file (one or more {@code -----BEGIN CERTIFICATE-----} blocks).
     *
     * @throws IllegalArgumentException naming the file if it cannot be read or holds no certificate
     */
    public static SSLSocketFactory trustingPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("--ca-file " + pem + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            return factory(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " is not a readable PEM certificate file: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Trusts the certificates of a key store file ({@code PKCS12} or {@code JKS}).
     *
     * @throws IllegalArgumentException naming the file if it cannot be read
     */
    public static SSLSocketFactory trustingStore(Path file, char[] password, String type) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            return factory(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--truststore " + file + " cannot be read as " + type + ": "
                    + e.getMessage(), e);
        }
    }

    private static SSLSocketFactory factory(KeyStore trusted) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
