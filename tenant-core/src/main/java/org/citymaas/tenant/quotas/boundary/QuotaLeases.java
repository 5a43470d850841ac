package org.citymaas.tenant.quotas.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.citymaas.tenant.quotas.control.LeaseHolder;
import org.citymaas.tenant.quotas.entity.LeaseSettings;

/**
 * This instance's quota leases ({@link LeaseHolder}): the portal calls {@link #heartbeat} on a timer
 * (every third of the lease's time to live), and the leases are returned when the application stops.
 * The instance id is the host name and a random suffix, new at every start: a restarted instance never
 * serves from its previous life's leases, which expire and are reaped.
 */
@ApplicationScoped
public class QuotaLeases {

    private static final Logger LOG = Logger.getLogger(QuotaLeases.class.getName());

    @Inject
    QuotaTransactions transactions;

    private LeaseHolder holder;
    private LeaseSettings settings;

    @PostConstruct
    void start() {
        settings = LeaseSettings.fromSystem();
        holder = new LeaseHolder(instanceId(), settings, transactions::inNew);
    }

    LeaseHolder holder() {
        return holder;
    }

    public LeaseSettings settings() {
        return settings;
    }

    /** This instance's id (host name and a random suffix, new at every start); batch job leases name it too. */
    public String instance() {
        return holder.id();
    }

    /** Renews this instance's leases, returns idle ones and reaps expired ones of any instance. */
    public void heartbeat() {
        holder.heartbeat();
    }

    @PreDestroy
    void stop() {
        try {
            holder.returnAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not return the quota leases; they come back when they expire", e);
        }
    }

    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        var name = host.length() > 60 ? host.substring(0, 60) : host;
        return name + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
