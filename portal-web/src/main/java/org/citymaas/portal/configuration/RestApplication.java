package org.citymaas.portal.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.citymaas.portal.access.boundary.AccessRequestsResource;
import org.citymaas.portal.access.boundary.DepartmentAccessRequestsResource;
import org.citymaas.portal.audit.boundary.AuditReportsResource;
import org.citymaas.portal.audit.boundary.AuditResource;
import org.citymaas.portal.audit.boundary.DeniedRequests;
import org.citymaas.portal.batch.boundary.BatchesResource;
import org.citymaas.portal.batch.boundary.RetentionResource;
import org.citymaas.portal.billing.boundary.BillingResource;
import org.citymaas.portal.billing.boundary.FinanceFilesResource;
import org.citymaas.portal.clients.boundary.ClientsResource;
import org.citymaas.portal.departments.boundary.DepartmentsResource;
import org.citymaas.portal.drift.boundary.DriftResource;
import org.citymaas.portal.inference.boundary.InferenceResource;
import org.citymaas.portal.me.MeResource;
import org.citymaas.portal.members.boundary.MembersResource;
import org.citymaas.portal.metrics.boundary.InferenceTimingBinding;
import org.citymaas.portal.models.boundary.ModelDefaultsResource;
import org.citymaas.portal.models.boundary.ModelVersionsResource;
import org.citymaas.portal.problems.ProblemMappers;
import org.citymaas.portal.subscriptions.boundary.QuotasResource;
import org.citymaas.portal.subscriptions.boundary.RemainingQuotaResource;
import org.citymaas.portal.subscriptions.boundary.SubscriptionsResource;
import org.citymaas.portal.usage.boundary.HistoryResource;
import org.citymaas.portal.usage.boundary.UsageResource;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The HTTP API: management under /api/v1, inference under /api/v2. Its classes are listed, so that
 * JAX-RS does not pick up providers from libraries (the Keycloak admin client brings a Jackson
 * provider that would replace JSON-B for our own answers).
 */
@ApplicationScoped
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "CityMaaS API",
                        version = "1",
                        description =
                                "Departments, members, model inference and billing of the city's model-as-a-service portal."
                                        + " Errors are RFC 9457 application/problem+json."))
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                MeResource.class,
                DepartmentsResource.class,
                MembersResource.class,
                ClientsResource.class,
                SubscriptionsResource.class,
                QuotasResource.class,
                RemainingQuotaResource.class,
                AuditResource.class,
                AuditReportsResource.class,
                InferenceResource.class,
                BatchesResource.class,
                ModelVersionsResource.class,
                ModelDefaultsResource.class,
                DepartmentAccessRequestsResource.class,
                AccessRequestsResource.class,
                RetentionResource.class,
                UsageResource.class,
                DriftResource.class,
                HistoryResource.class,
                BillingResource.class,
                FinanceFilesResource.class,
                DeniedRequests.class,
                InferenceTimingBinding.class,
                ProblemMappers.PortalErrors.class,
                ProblemMappers.HttpErrors.class,
                ProblemMappers.UnreadableBody.class,
                ProblemMappers.InvalidInput.class,
                ProblemMappers.TenantErrors.class,
                ProblemMappers.BillingErrors.class,
                ProblemMappers.RuntimeErrors.class,
                ProblemMappers.HostileTexts.class,
                ProblemMappers.KeycloakErrors.class,
                ProblemMappers.DirectoryRefusals.class,
                ProblemMappers.Unexpected.class);
    }
}
