package org.citymaas.portal.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.citymaas.billing.documents.boundary.StatementPdfs;
import org.citymaas.portal.billing.entity.AccountRequest;
import org.citymaas.portal.billing.entity.AccountView;
import org.citymaas.portal.billing.entity.BudgetRequest;
import org.citymaas.portal.billing.entity.BudgetView;
import org.citymaas.portal.billing.entity.NewPriceCard;
import org.citymaas.portal.billing.entity.PriceCardView;
import org.citymaas.portal.billing.entity.StatementView;
import org.citymaas.portal.billing.entity.TextRequest;
import org.citymaas.portal.signin.CurrentCaller;
import org.citymaas.security.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Billing's API: statements (month to date, drafts, issued, void) with their review and close,
 * price cards, billing accounts and budgets (the month's finance files: {@link FinanceFilesResource}). Tenant admins see their own department; platform admins
 * and the finance bureau ({@code finance-api}, read-only) see every department. Staff see nothing.
 */
@Path("v1/billing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    @Inject
    Chargeback chargeback;

    @Inject
    PriceList prices;

    @Inject
    Accounts accounts;

    @Inject
    BudgetDesk budgets;

    @Inject
    StatementPdfs pdfs;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("statements")
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(
            summary = "Statements: a department's (tenant admins: their own), or every department's of a month"
                    + " (platform admins and the finance bureau: ?month=YYYY-MM without ?department)")
    public List<StatementView> statements(
            @QueryParam("department") String department, @QueryParam("month") String month) {
        var caller = currentCaller.get();
        if (month != null && (department == null || department.isBlank()) && Accounts.seesEveryDepartment(caller)) {
            return chargeback.ofMonth(month).stream().map(StatementView::of).toList();
        }
        return chargeback.statements(caller, department).stream()
                .filter(s -> month == null || s.month().toString().equals(month.strip()))
                .map(StatementView::of)
                .toList();
    }

    @GET
    @Path("statements/{department}/{month}")
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(summary = "A department's statement of a month; the current month is its month-to-date estimate (OPEN)")
    public StatementView statement(@PathParam("department") String department, @PathParam("month") String month) {
        return StatementView.of(chargeback.statement(currentCaller.get(), department, month));
    }

    @GET
    @Path("statements/{department}/{month}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(summary = "The statement as a PDF, Chinese with English labels")
    public Response pdf(@PathParam("department") String department, @PathParam("month") String month) {
        var statement = chargeback.statement(currentCaller.get(), department, month);
        return Response.ok(pdfs.render(statement), "application/pdf")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + Chargeback.pdfName(statement) + "\"")
                .build();
    }

    @POST
    @Path("statements/{department}/{month}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Operation(summary = "The department's admin accepts its draft statement (optional comment)")
    public StatementView accept(
            @PathParam("department") String department, @PathParam("month") String month, @Valid TextRequest comment) {
        var caller = currentCaller.get();
        accounts.visible(caller, department);
        return StatementView.of(chargeback.accept(caller, month, comment == null ? null : comment.text()));
    }

    @POST
    @Path("statements/{department}/{month}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.TENANT_ADMIN_NAME)
    @Operation(summary = "The department's admin disputes its draft statement, saying why")
    public StatementView dispute(
            @PathParam("department") String department,
            @PathParam("month") String month,
            @NotNull(message = "a JSON body with the comment is required") @Valid TextRequest comment) {
        var caller = currentCaller.get();
        accounts.visible(caller, department);
        return StatementView.of(chargeback.dispute(caller, month, comment.text()));
    }

    @POST
    @Path("statements/{department}/{month}/close")
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Draft (or refresh the draft of) an ended month now")
    public StatementView close(@PathParam("department") String department, @PathParam("month") String month) {
        return StatementView.of(chargeback.close(currentCaller.get(), department, month));
    }

    @POST
    @Path("statements/{department}/{month}/issue")
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Issue a month's draft now: numbered and immutable")
    public StatementView issue(@PathParam("department") String department, @PathParam("month") String month) {
        return StatementView.of(chargeback.issue(currentCaller.get(), department, month));
    }

    @POST
    @Path("statements/numbers/{number}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(
            summary = "Void an issued statement with a reason; it keeps its number and the month can be closed again")
    public StatementView voidStatement(
            @PathParam("number") String number,
            @NotNull(message = "a JSON body with the reason is required") @Valid TextRequest reason) {
        return StatementView.of(chargeback.voidStatement(currentCaller.get(), number, reason.text()));
    }

    @GET
    @Path("price-cards")
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(summary = "Every price card: past, current and scheduled")
    public List<PriceCardView> priceCards() {
        return prices.all().stream().map(PriceCardView::of).toList();
    }

    @POST
    @Path("price-cards")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Add a price card; a card is never edited, a later one supersedes it")
    public Response addPriceCard(
            @NotNull(message = "a JSON body is required") @Valid NewPriceCard card, @Context UriInfo uri) {
        var stored = prices.add(card, currentCaller.get());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(stored.id()))
                        .build())
                .entity(PriceCardView.of(stored))
                .build();
    }

    @GET
    @Path("accounts")
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(summary = "Every active department's billing account: names, cost centre, budget holder")
    public List<AccountView> accounts() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @PUT
    @Path("accounts/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Set a department's cost centre and budget holder")
    public AccountView setAccount(
            @PathParam("department") String department,
            @NotNull(message = "a JSON body is required") @Valid AccountRequest request) {
        return AccountView.of(
                accounts.set(currentCaller.get(), department, request.costCentre(), request.budgetHolder()));
    }

    @GET
    @Path("budgets/{department}")
    @RolesAllowed({Role.TENANT_ADMIN_NAME, Role.PLATFORM_ADMIN_NAME, Role.FINANCE_NAME})
    @Operation(summary = "A department's budget, month-to-date cost, forecast and active alerts")
    public BudgetView budget(@PathParam("department") String department) {
        return BudgetView.of(budgets.status(currentCaller.get(), department));
    }

    @PUT
    @Path("budgets/{department}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Set a department's monthly budget: SOFT (alerts only) or HARD (402 at 100%)")
    public BudgetView setBudget(
            @PathParam("department") String department,
            @NotNull(message = "a JSON body is required") @Valid BudgetRequest request) {
        return BudgetView.of(budgets.set(currentCaller.get(), department, request.monthlyLimit(), request.mode()));
    }

    @DELETE
    @Path("budgets/{department}")
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    @Operation(summary = "Remove a department's budget")
    public Response clearBudget(@PathParam("department") String department) {
        if (!budgets.clear(currentCaller.get(), department)) {
            throw new NotFoundException(department + " has no budget");
        }
        return Response.noContent().build();
    }
}
