package dev.timbre.user;

/** {@code UserResponseModel}: the single account of this installation. */
public record UserResponse(
        String userId,
        SubscriptionResponse subscription,
        Object subscriptionExtras,
        boolean isNewUser,
        String xiApiKey,
        boolean canUseDelayedPaymentMethods,
        boolean isOnboardingCompleted,
        boolean isOnboardingChecklistCompleted,
        boolean showComplianceTerms,
        String firstName,
        boolean isApiKeyHashed,
        String xiApiKeyPreview,
        String referralLinkCode,
        String partnerstackPartnerDefaultLink,
        long createdAt,
        String seatType,
        String workspaceId) {}
