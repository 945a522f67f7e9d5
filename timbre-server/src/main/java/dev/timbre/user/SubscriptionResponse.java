package dev.timbre.user;

import java.util.List;

/**
 * {@code ExtendedSubscriptionResponseModel} (a superset of {@code SubscriptionResponseModel}), also used inside
 * {@code GET /v1/user}. {@code max_credit_limit_extension} and {@code open_invoices} are not in the OpenAPI document
 * but the official SDK (2.73.0) requires them, as it does {@code professional_voice_slots_used_in_workspace} and
 * {@code current_overage} (a {@link Price} whose amount is a decimal string; there is never an overage here).
 */
public record SubscriptionResponse(
        String tier,
        long characterCount,
        long characterLimit,
        Long maxCharacterLimitExtension,
        long maxCreditLimitExtension,
        boolean canExtendCharacterLimit,
        boolean allowedToExtendCharacterLimit,
        Long nextCharacterCountResetUnix,
        int voiceSlotsUsed,
        int professionalVoiceSlotsUsed,
        int professionalVoiceSlotsUsedInWorkspace,
        int voiceLimit,
        Integer maxVoiceAddEdits,
        int voiceAddEditCounter,
        int professionalVoiceLimit,
        boolean canExtendVoiceLimit,
        boolean canUseInstantVoiceCloning,
        boolean canUseProfessionalVoiceCloning,
        String currency,
        Price currentOverage,
        String status,
        String billingPeriod,
        String characterRefreshPeriod,
        Object nextInvoice,
        List<Object> openInvoices,
        boolean hasOpenInvoices,
        Object pendingChange) {

    /** An amount of money as the API writes it: {@code {"amount":"0.00","currency":"usd"}}. */
    public record Price(String amount, String currency) {}
}
