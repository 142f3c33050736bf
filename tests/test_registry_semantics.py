"""One test per cell of the coverage table in docs/registry.md.

Each cell is a kind and a relation: copy at the same or a weaker strength is backed, stronger is
over-promised, an expired entry gives expired, and copy no entry is about is unbacked. The
registry is tests/fixtures/promises/kinds.yaml.
"""

import datetime as dt

import pytest

from cxlint.engine.run import run_document
from cxlint.promises.lint import PromiseCheck, severity_of
from cxlint.promises.registry import load_registry
from cxlint.readers.snippet import read_snippet
from cxlint.testing import default_ruleset
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 23)

# (cell, channel, copy, status of the promise, entry that decides it)
CELLS = [
    # times: a longer reply or delivery time is weaker
    ("time-longer-is-backed", "email", "We reply to every email within 48 hours.", "backed", "email-reply"),
    ("time-same-in-other-units", "email", "We reply to every email within 1 day.", "backed", "email-reply"),
    ("time-shorter-is-over", "email", "We reply to every email within 1 hour.", "over-promised", "email-reply"),
    ("delivery-longer-is-backed", "landing", "Your parcel is delivered within 5 business days.", "backed", "standard-delivery"),
    ("delivery-next-day-is-over", "landing", "Your parcel is delivered next day.", "over-promised", "standard-delivery"),
    # a delivery time only a rule's finding reads ("reach you within"), no reader's delivery word, keeps its value
    ("delivery-a-findings-time-is-its-value", "landing", "Spare batteries reach you within 5 business days.", "backed", "standard-delivery"),
    ("delivery-a-findings-time-is-its-value-over", "landing", "Spare batteries reach you within 1 business day.", "over-promised",
     "standard-delivery"),
    # days of a reply promise: "every day", "weekends included" against the entry's scope
    ("days-weekends-against-every-day", "email", "We reply to emails within 24 hours, weekends included.", "backed", "email-reply"),
    ("days-every-day-against-every-day", "email", "We reply to emails within 24 hours, every day.", "backed", "email-reply"),
    ("days-weekends-against-weekdays", "landing", "We reply to letters within 5 business days, weekends included.", "over-promised", "letter-reply"),
    ("days-beyond-the-mediums-hours", "landing", "Our live chat team answers within 5 minutes, 7 days a week.", "over-promised", "chat-first-reply"),
    ("days-during-those-hours", "landing", "Our live chat team answers within 5 minutes during those hours.", "backed", "chat-first-reply"),
    # channels and scope words: the medium a reply time is about
    ("medium-its-own-entry", "landing", "Our live chat team answers within 1 minute.", "over-promised", "chat-first-reply"),
    ("medium-no-entry-for-it", "landing", "We reply to WhatsApp messages within 24 hours.", "unbacked", None),
    ("medium-unnamed-must-hold-for-every-medium", "landing", "We reply to every message within 2 hours.", "over-promised", "email-reply"),
    ("medium-from-the-channel", "email", "We will get back to you within 12 hours.", "over-promised", "email-reply"),
    ("medium-from-the-channel-without-its-own-entry", "sms", "We'll get back to you within 2 days.", "over-promised", "letter-reply"),
    ("medium-unnamed-but-who-answers", "landing", "Our pharmacist answers within 4 hours.", "backed", "pharmacist-chat"),
    ("medium-unnamed-one-word-names-no-one", "landing", "Registered users: we answer every message within 4 hours.", "over-promised", "email-reply"),
    ("medium-unnamed-an-entry-refused-here-decides-nothing", "in-app", "Help hours: 9am-5pm, Monday to Friday.", "backed", "chat-hours"),
    ("price-on-us-frees-what-comes-before-it", "landing", "Phones open 10am-4pm weekdays, closed on US holidays.", "backed", "phone-hours"),
    ("medium-unnamed-each-medium-by-its-own-entries", "landing", "Our advisers are here 9am-5pm, Monday to Friday.", "backed", "chat-hours"),
    # one of our people or our assistant in the first person singular ("I'll", "I can", "let me") speaks for us
    ("reply-in-the-first-person-singular", "chatbot", "I'll get back to you within 10 minutes.", "backed", "chat-first-reply"),
    ("reply-in-the-first-person-singular-sooner", "chatbot", "Let me find out for you: I'll have an answer within 1 minute.",
     "over-promised", "chat-first-reply"),
    ("reply-by-a-named-role", "email", "A specialist replies to every email within 1 hour.", "over-promised", "email-reply"),
    ("channel-not-allowed", "landing", "Marketplace orders arrive within 2 days.", "over-promised", "push-only"),
    ("channel-allowed", "push", "Marketplace orders arrive within 2 days.", "backed", "push-only"),
    ("channel-refused-before-expired", "landing", "Loyalty bonus: £5 off your next shop.", "over-promised", "loyalty-bonus"),
    # scope words: copy claiming every plan or order against an entry limited to some
    ("scope-every-beyond-only", "landing", "Try any plan free for 30 days.", "over-promised", "trial"),
    # hours: a subset of the entry's days and hours is covered
    ("hours-subset-is-backed", "landing", "Live chat is open 9am-6pm, Monday to Friday.", "backed", "chat-hours"),
    ("hours-later-is-over", "landing", "Live chat is open 8am-10pm, Monday to Saturday.", "over-promised", "chat-hours"),
    ("hours-24-7-is-over", "landing", "Live chat is open 24/7.", "over-promised", "chat-hours"),
    ("hours-more-days-is-over", "landing", "Our phone lines are open 9am-5pm, 7 days a week.", "over-promised", "phone-hours"),
    ("hours-stated-limit-within", "landing", "Phones open 10am-4pm weekdays.", "backed", "phone-hours"),
    ("hours-a-day-goes-with-its-own-time", "landing", "Phone lines close at 5pm on Friday and reopen at 10am on Saturday.", "backed", "phone-hours"),
    ("hours-closing-time-within", "landing", "Live chat is open until 8pm on Saturdays.", "backed", "chat-hours"),
    ("hours-closing-time-later-is-over", "landing", "Live chat is open until 10pm on Saturdays.", "over-promised", "chat-hours"),
    ("hours-opening-time-earlier-is-over", "landing", "Live chat opens at 7am on weekdays.", "over-promised", "chat-hours"),
    # hours in everyday words: "open 7 days", "any day between", "all the way to", a person to talk to
    ("hours-open-n-days-is-every-day", "landing", "Our phone lines are open 7 days, 9am-5pm.", "over-promised", "phone-hours"),
    ("hours-a-length-of-n-days-is-no-days", "landing", "Our phone lines take orders 9am-5pm and ship them within 7 days.",
     "backed", "phone-hours"),
    ("hours-any-day-between-is-every-day", "landing", "Ring our phone lines any day between 9am and 5pm.", "over-promised", "phone-hours"),
    ("hours-between-with-a-run-of-days", "landing", "Ring our phone lines Monday to Friday between 10am and 4pm.", "backed", "phone-hours"),
    ("hours-between-on-one-day-is-a-slot", "landing", "We'll ring you between 9am and 11am on Sunday.", None, None),
    ("hours-all-the-way-to-is-a-range", "landing", "Live chat runs from 8am all the way to 10pm on Saturdays.", "over-promised", "chat-hours"),
    ("hours-a-person-to-talk-to", "onboarding", "Talk to a real person 9am-5pm, seven days a week.", "over-promised", "chat-hours"),
    # percentages
    ("uptime-lower-is-backed", "landing", "Our platform has 99.5% uptime.", "backed", "uptime"),
    ("uptime-higher-is-over", "landing", "Our platform has 99.99% uptime.", "over-promised", "uptime"),
    ("discount-smaller-is-backed", "landing", "Club members save 10% on everything.", "backed", "members"),
    ("discount-larger-is-over", "landing", "Club members save 20% on everything.", "over-promised", "members"),
    ("discount-the-entry-its-id-names", "landing", "Student offer: 20% off labour.", "over-promised", "student-discount"),
    ("discount-months-free-yearly-within", "landing", "Pay yearly and get 2 months free.", "backed", "annual-billing"),
    ("discount-months-free-yearly-is-over", "landing", "Pay yearly and get 3 months free.", "over-promised", "annual-billing"),
    # money
    ("money-smaller-is-backed", "landing", "Get £10 off with your welcome voucher.", "backed", "voucher"),
    ("money-larger-is-over", "landing", "Get £50 off with your welcome voucher.", "over-promised", "voucher"),
    ("price-an-amount-below-its-entry-is-over", "landing", "Standard boiler services now just £49.", "over-promised", "boiler-service"),
    ("price-an-amount-at-its-entry-is-backed", "landing", "Annual boiler services from just £59, booked online.", "backed", "boiler-service"),
    ("price-free-is-backed-by-free", "landing", "Gift wrapping is free.", "backed", "gift-wrap"),
    # windows and trials: a shorter window or trial is weaker
    ("window-shorter-is-backed", "landing", "Not happy? Return it within 14 days for a full refund.", "backed", "returns"),
    ("window-longer-is-over", "landing", "Not happy? Return it within 60 days for a full refund.", "over-promised", "returns"),
    ("window-money-back-guarantee", "landing", "60-day money-back guarantee.", "over-promised", "returns"),
    ("trial-a-month-is-30-days", "landing", "Try Plus free for a month.", "backed", "trial"),
    ("trial-longer-is-over", "landing", "Try Plus free for 2 months.", "over-promised", "trial"),
    # time given free with "free" before its unit ("your free month") is a trial, as "a month free" is
    ("trial-a-free-month-is-a-trial", "landing", "New to Plus? Your free month starts the day you join.", "backed", "trial"),
    ("trial-two-free-months-are-over", "landing", "New to Plus? Enjoy two free months.", "over-promised", "trial"),
    # time said as what "on us" makes free ("the first 30 days of X are on us") is a trial, not a free thing
    ("trial-time-said-on-us-is-a-trial", "landing", "New to Plus? The first 30 days of your membership are on us.", "backed", "trial"),
    ("trial-time-said-on-us-longer-is-over", "landing", "New to Plus? Your next two months of membership are on us.", "over-promised", "trial"),
    # "a fortnight" is a unit of 14 days
    ("window-a-fortnight-is-14-days", "landing", "Not happy? Return it within a fortnight for a full refund.", "backed", "returns"),
    # money said in words: "a tenner" is £10, "fifty quid" £50
    ("money-a-tenner-is-ten-pounds", "landing", "Use your welcome voucher to take a tenner off.", "backed", "voucher"),
    ("money-in-words-larger-is-over", "landing", "Use your welcome voucher and we'll knock fifty quid off.", "over-promised", "voucher"),
    # what one of the people who answer for us sends back on the reader's work ("pharmacist feedback") is a reply
    ("reply-feedback-from-who-answers", "landing", "Upload a photo of your rash for pharmacist feedback within 8 hours.", "backed", "pharmacist-chat"),
    ("reply-instant-feedback-is-over", "landing", "Get instant pharmacist feedback on your photos.", "over-promised", "pharmacist-chat"),
    # price matches: only an entry stating the price promise, with its limits, backs one
    ("price-match-as-stated", "landing", "We'll match any UK competitor's price on identical items.", "backed", "price-promise"),
    ("price-match-limits-left-out", "landing", "We'll match any competitor's price.", "over-promised", "price-promise"),
    ("phrase-a-heading-read-with-what-it-heads", "landing", "### Price match, guaranteed\nWe match any UK competitor's price on identical items.",
     "backed", "price-promise"),
    # superlatives and rank: backed only by an entry stating that superlative with its source
    ("rank-as-stated-with-source", "landing", "Voted best value broadband provider in the 2026 Which? survey.", "backed", "which-award"),
    ("rank-the-superlative-not-the-words-around-it", "landing",
     "Voted the best value broadband provider in the 2026 Which? survey, so switch to us today and pay nothing until March.", "backed", "which-award"),
    ("rank-the-top-place-in-other-words", "landing",
     "Rated #1 for value broadband in the 2026 Which? survey, so switch to us today and pay nothing until March.", "backed", "which-award"),
    ("rank-a-places-best-is-a-rank", "landing", "Voted Leeds' best broadband provider.", "over-promised", "which-award"),
    ("rank-the-claim-without-its-source", "landing", "Bristol's #1 garden centre: come and see us.", "backed", "city-award"),
    ("rank-another-place-without-the-source", "landing", "Somerset's #1 garden centre: come and see us.", "over-promised", "city-award"),
    ("rank-another-superlative", "landing", "The fastest broadband in the UK.", "unbacked", None),
    # a source the copy names keeps the linter quiet, but the registry must name it: the rank is still a promise
    ("rank-a-source-named-in-the-copy-is-still-a-rank", "landing", "The UK's number one broadband provider, according to our customers.",
     "over-promised", "which-award"),
    ("rank-a-source-named-with-no-entry-is-unbacked", "landing", "Voted the #1 florist in Leeds by our customers.", "unbacked", None),
    ("rank-a-number-one-priority-is-no-rank", "landing", "Keeping your data private is our number one priority.", None, None),
    # a second superlative in a sentence is a claim of its own, not part of the rank named first
    ("rank-a-second-superlative-is-its-own", "in-app", "Bristol's #1 garden centre - and the quickest delivery in the country.",
     "backed", "city-award"),
    # phrases: covered loosely, but an added absolute goes beyond
    ("claim-as-stated", "landing", "No hidden fees.", "backed", "fees"),
    ("claim-with-an-added-absolute", "landing", "No hidden fees, ever, guaranteed 100%.", "over-promised", "fees"),
    ("claim-never-restates-no", "landing", "We never charge hidden fees.", "backed", "fees"),
    # outcomes and durations filed under no service
    ("outcome-less-time-saved-is-backed", "landing", "Teams save 3 hours a week on average.", "backed", "time-saved"),
    ("outcome-more-time-saved-is-over", "landing", "Teams save 8 hours a week on average.", "over-promised", "time-saved"),
    ("outcome-a-multiple-goes-beyond", "landing", "Teams save twice as much time each week with our planner.", "over-promised", "time-saved"),
    ("outcome-a-multiple-no-entry-is-about", "landing", "Our new checkout doubles your conversion rate.", "unbacked", None),
    ("duration-by-the-subject-it-names", "landing", "Switch in 48 hours: we move your account over for you.", "over-promised", "switch-service"),
    ("duration-a-turnaround-by-the-subject-it-names", "landing", "We'll have your account moved over within 2 days.", "over-promised", "switch-service"),
    ("duration-what-comes-back-in-a-time", "landing", "Account switching made easy, with your moved-over account back in 2 days.",
     "over-promised", "switch-service"),
    ("duration-a-service-named-by-how-soon-it-comes", "landing", "Same-day account switching is here.", "over-promised", "switch-service"),
    ("duration-naming-no-entry-is-no-warning", "landing", "We'll have your old handset recycled within 48 hours.", "unbacked", None),
    ("duration-the-entry-its-id-names", "landing", "We'll have your kitchen fitted within 4 weeks of ordering, anywhere in Kent or Sussex.",
     "over-promised", "kitchen-fitting"),
    ("duration-a-turnaround-done-for-the-reader", "landing", "Sign up today and you'll have your account moved over within 2 days.",
     "over-promised", "switch-service"),
    ("duration-by-the-people-we-send", "landing", "A surveyor visits within 2 days of booking.", "over-promised", "survey-visit"),
    ("duration-named-a-sentence-before", "email",
     "Only a few account switching slots are left this month, so book yours now. Sign today and you'll be all set within 2 days.",
     "over-promised", "switch-service"),
    ("duration-24h-is-24-hours", "landing", "Your parcel is delivered within 24h.", "over-promised", "standard-delivery"),
    ("reply-hear-back", "email", "Message us and hear back within 2 days.", "backed", "email-reply"),
    # time given free, fractions, time gained, what is done for free, review scores
    ("trial-time-given-free-within", "landing", "Plus: two weeks free for new members.", "backed", "trial"),
    ("trial-time-given-free-is-over", "landing", "Plus members get 2 months free.", "over-promised", "trial"),
    ("trial-free-for-a-time-within", "landing", "Plus is free for the first 2 weeks.", "backed", "trial"),
    ("trial-free-for-a-time-is-over", "landing", "Plus is free for 2 months.", "over-promised", "trial"),
    ("discount-half-price-is-over", "landing", "Club members pay half price.", "over-promised", "members"),
    ("outcome-fewer-hours-is-time-saved", "landing", "Teams spend 8 fewer hours a week on admin.", "over-promised", "time-saved"),
    ("price-an-act-for-free-below-its-price", "email", "We'll collect your old router for free.", "over-promised", "router-recycling"),
    ("rank-a-higher-review-score-is-over", "landing", "Customers rate us 4.8 stars on Trustpilot.", "over-promised", "review-score"),
    ("rank-a-lower-review-score-is-backed", "landing", "Rated 4.5/5 on Trustpilot.", "backed", "review-score"),
    ("rank-a-score-from-another-source", "landing", "Customers rate us 4.8 stars on Google.", "unbacked", None),
    # phrases stated in parts, scopes limited to a place or with exclusions
    ("security-compliance-with-a-named-standard", "landing", "Our clinic software is HIPAA-compliant.", "unbacked", None),
    ("phrase-each-statement-backs-on-its-own", "landing", "We never keep your full card numbers.", "backed", "card-safety"),
    ("scope-place-wide-beyond-mainland", "landing", "Free standard delivery nationwide.", "over-promised", "free-delivery"),
    ("scope-names-what-it-excludes", "landing", "Full refund on clothing and gift cards within 30 days.", "over-promised", "returns"),
    ("scope-an-exclusion-of-its-own", "landing", "Full refund on clothing within 30 days (gift cards excluded).", "backed", "returns"),
    ("scope-a-list-after-a-dash", "landing", "Full refund within 30 days - clothing, gift cards, everything.", "over-promised", "returns"),
    # entries that back nothing
    ("expired-entry", "landing", "We'll call you back within 2 hours.", "expired", "old-callback"),
    ("draft-entry", "landing", "Text offer: save 5% today.", "unbacked", "sms-offer"),
]


# cells judged against the second fixture registry, tests/fixtures/promises/readings.yaml (entries of one
# kind that copy must tell apart: by the service their id names, by what their scope leaves out)
READING_CELLS = [
    ("hours-the-service-its-id-names", "landing", "Book a service by phone any time, 24/7.", "over-promised", "booking-line"),
    ("hours-the-service-its-id-names-backed", "landing", "Roadside breakdown? Our phone line is open 24/7.", "backed", "breakdown-line"),
    ("free-backed-by-a-claim-stating-it", "landing", "Wrong size? Returns are free as well.", "backed", "free-returns"),
    ("free-beyond-a-claims-own-limit", "landing", "Free gift wrapping on all orders this winter.", "over-promised", "free-wrapping"),
    ("free-within-a-claims-own-limit", "landing", "Free gift wrapping on orders over £30.", "backed", "free-wrapping"),
    ("duration-in-the-readers-condition", "email", "If you are not comfortable with your bike fitting within 30 days, we'll do a free refit.", "backed", "comfort-promise"),
    ("scope-every-named-thing-beyond-only", "landing", "Every Cogworks workshop is open 8am-6pm, Monday to Saturday.", "over-promised", "workshop-hours"),
    ("scope-one-named-thing-within-only", "landing", "Our Leeds workshop is open 8am-6pm, Monday to Saturday.", "backed", "workshop-hours"),
    ("scope-names-what-its-not-leaves-out", "landing", "Free puncture repairs for Club members, tubeless tyres included.", "over-promised", "puncture-repairs"),
    ("scope-keeps-out-what-its-not-leaves-out", "landing", "Free puncture repairs for Club members.", "backed", "puncture-repairs"),
    ("reply-one-of-our-people-takes-it-up", "chatbot", "Prefer a person? Leave your question and an adviser will pick it up within 10 minutes.", "over-promised", "workshop-chat"),
    ("reply-one-of-our-people-with-you", "chatbot", "Prefer a person? An adviser will be with you within 45 minutes.", "backed", "workshop-chat"),
    ("duration-named-entry-of-another-kind", "landing", "Stuck at the roadside in Leeds? Our mobile mechanic will be at your door within 1 hour.", "over-promised", "mobile-mechanic"),
    ("duration-named-entry-of-another-kind-backed", "landing", "Stuck at the roadside in Leeds? Our mobile mechanic will be at your door within 3 hours.", "backed", "mobile-mechanic"),
    ("scope-holders-limit-it", "landing", "Free annual services for everyone this spring.", "over-promised", "club-service"),
    ("scope-holders-limit-it-backed", "landing", "Free annual services for Club card holders.", "backed", "club-service"),
    ("rank-a-source-its-evidence-spells", "landing", "Cogworks is the north's #1 bike shop.", "backed", "retail-survey"),
    ("rank-a-source-its-evidence-spells-claim-changed", "landing", "Cogworks is the north's #1 bike cafe.", "unbacked", None),
    ("delivery-naming-no-service-holds-for-each", "landing", "Order online today: at your door within 3 weeks.", "over-promised", "bike-fitting"),
    ("delivery-naming-its-service", "landing", "Spare parts: at your door within 3 weeks.", "backed", "parts-delivery"),
    ("expired-entry-gone-beyond", "landing", "Winter sale: 35% off all bikes.", "over-promised", "winter-sale"),
    ("expired-entry-within", "landing", "Winter sale: 15% off all bikes.", "expired", "winter-sale"),
    ("phrase-a-short-answer-read-with-its-question", "landing", "Found identical parts cheaper at a UK bike shop? We'll match it.", "backed", "parts-price-match"),
    ("duration-after-the-readers-condition", "email", "If you book today, we'll have your bike fitting done within 30 days.", "over-promised", "bike-fitting"),
]


# cells judged against the third fixture registry, tests/fixtures/promises/pantry.yaml (a pet-food
# subscription: scopes that state their own reach, whom a promise is for)
PANTRY_CELLS = [
    ("scope-a-reach-the-scope-states-itself", "landing", "Burrow Club members get 10% off every order (treats excluded).", "backed", "club-discount"),
    ("scope-anyone-beyond-only", "landing", "We never sell or share your pet's health records with anyone.", "over-promised", "health-records"),
    ("scope-anyone-named-is-no-universal", "landing", "Anyone with a Burrow Club membership gets 10% off every order, treats excluded.", "backed", "club-discount"),
    ("medium-from-the-channel-but-who-answers", "chatbot", "Diet worries? Our nutritionists answer within 3 hours.", "over-promised", "nutrition-reply"),
    ("medium-from-the-channel-no-one-named", "chatbot", "Send us a message and we answer within 10 minutes.", "backed", "chat-reply"),
    ("medium-of-the-app-is-chat", "in-app", "Message us here and you'll hear back within 20 minutes.", "backed", "chat-reply"),
    ("hours-always-on-is-every-hour", "landing", "Our helpline is always open.", "over-promised", "helpline-hours"),
    ("hours-always-on-backed-by-24-7", "landing", "Poorly pet? Our emergency vet line is always on.", "backed", "emergency-vet-line"),
    ("hours-day-and-night-is-every-hour", "landing", "Our phone helpers are around day and night, every day of the week.", "over-promised", "helpline-hours"),
    ("hours-naming-no-service-not-backed-by-one-of-its-own", "landing", "Call us any time, 24/7.", "over-promised", "helpline-hours"),
    ("free-said-with-a-clitic", "sms", "Good news: delivery's free on this box, as you're a Club member and it's over £40.", "backed", "club-delivery"),
    ("free-said-with-a-clitic-beyond-its-scope", "landing", "Delivery's free on every order.", "over-promised", "club-delivery"),
    ("free-what-the-price-includes", "landing", "Starter box: £15, with a free measuring scoop.", "backed", "starter-box"),
    ("free-what-the-price-does-not-include", "landing", "Starter box: £15, with a free travel bowl.", "unbacked", None),
    ("delivery-the-entry-its-scope-names", "landing", "Big news for farms: your boxes now arrive next day!", "over-promised", "country-delivery"),
    ("delivery-the-entry-its-scope-names-backed", "landing", "Big news for farms: your boxes now arrive within 5 days!", "backed", "country-delivery"),
    ("phrase-a-negated-predicate-states-on-its-own", "landing", "We never store your card numbers.", "backed", "card-handling"),
    ("delivery-today-is-same-day", "landing", "Inside the ring road? Order before noon and get it today.", "over-promised", "town-delivery"),
    ("delivery-on-your-doormat", "landing", "Your first box lands on your doormat within 2 days.", "over-promised", "country-delivery"),
    ("price-a-total-against-the-total-its-scope-states", "landing", "Yearly box plan: just £199 in total.", "over-promised", "yearly-box-plan"),
    ("price-a-total-at-the-total-its-scope-states", "landing", "Yearly box plan: just £240 in total.", "backed", "yearly-box-plan"),
    ("free-things-that-are-all-free", "landing", "Good news: your bowl, your scoop and your lead are all free.", "unbacked", None),
    ("scope-coast-to-coast-beyond-only", "landing", "Our deliveries, coast to coast, are made by cargo bike.", "over-promised", "bike-deliveries"),
    ("scope-everywhere-in-the-place-it-names", "landing", "Anywhere in Leeds, our deliveries are made by cargo bike.", "backed", "bike-deliveries"),
    ("scope-everywhere-in-more-places-than-it-names", "landing", "Anywhere in Leeds or York, our deliveries are made by cargo bike.", "over-promised", "bike-deliveries"),
]


# cells judged against the fourth fixture registry, tests/fixtures/promises/keyline.yaml (a locksmith:
# compound words of a phrase, a phrase entry's figure, hours naming a service, a price billed monthly)
KEYLINE_CELLS = [
    ("phrase-half-a-compound-states-nothing", "push", "Re-keying is free on every plan after a break-in.", "backed", "free-rekeys"),
    ("phrase-the-whole-compound-states-it", "landing", "Unlimited re-keying on every plan.", "over-promised", "unlimited-rekeys"),
    ("phrase-a-figure-is-compared-not-matched", "landing", "Up to £5,000 contents cover after a break-in we secured.", "over-promised", "contents-cover"),
    ("phrase-a-figure-within-is-backed", "landing", "Up to £1,500 contents cover after a break-in we secured.", "backed", "contents-cover"),
    ("hours-naming-a-service-are-that-service", "landing", "Lockouts: 24/7 on 0113 496 0000.", "backed", "lockout-line"),
    ("hours-naming-no-service-hold-for-every-medium", "landing", "Talk to us 24/7.", "over-promised", "office-hours"),
    ("price-billed-by-the-period-below-its-entry", "email", "Gold plan for £9 a month.", "over-promised", "gold-plan-price"),
    ("price-billed-by-the-period-at-its-entry", "email", "Gold plan for £12 a month, cancel any time.", "backed", "gold-plan-price"),
    ("guarantee-a-time-it-does-not-state", "landing", "If your booked locksmith doesn't turn up, we'll send a new locksmith within 90 minutes, guaranteed.", "over-promised", "no-show-guarantee"),
    ("outcome-a-fraction-as-many-is-what-is-left", "sms", "Homes with our smart lock see half as many break-ins.", "over-promised", "smart-lock-outcome"),
    ("outcome-a-fraction-fewer-is-what-goes", "sms", "Homes with our smart lock see a third fewer break-ins.", "backed", "smart-lock-outcome"),
    ("outcome-a-share-less-is-what-goes", "sms", "Homes with our smart lock see 60% fewer break-ins.", "over-promised", "smart-lock-outcome"),
    ("guarantee-without-a-time", "landing", "If your booked locksmith doesn't turn up, we'll send a new locksmith, guaranteed.", "backed", "no-show-guarantee"),
]


# cells judged against the fifth fixture registry, tests/fixtures/promises/tidewater.yaml (a kayak hire
# firm: which of several entries of a kind the copy is about)
TIDEWATER_CELLS = [
    ("discount-an-entry-of-another-kind-names-nothing", "email", "Book 60 days ahead and save 10% on your hire.", "backed", "advance-booking"),
    ("discount-an-entry-of-another-kind-names-nothing-over", "email", "Book 60 days ahead and save 40% on your hire.", "over-promised", "advance-booking"),
    ("delivery-a-word-every-delivery-uses-names-no-entry", "in-app", "Delivery within 3 days.", "backed", "spare-board"),
    ("free-a-bracket-opens-a-limit", "landing", "Extra paddlers are free (two a booking at most).", "backed", "extra-paddlers"),
    ("hours-naming-a-service-by-its-scope", "in-app", "Sign your waiver and change your booking 24/7 in the app.", "backed", "web-portal"),
    ("hours-naming-no-service-by-its-scope", "in-app", "Message us 24/7.", "over-promised", "desk-hours"),
    ("discount-an-offer-said-to-be-over-is-no-promise", "email", "The summer sale (30% off) has ended. Hires booked 60 days ahead still save 10%.", "backed", "advance-booking"),
    ("hours-the-part-of-the-day-after-the-hour", "landing", "Our hire desk takes calls weekdays from 9 in the morning until 7 in the evening.", "over-promised", "desk-hours"),
    ("hours-the-part-of-the-day-within", "landing", "Our hire desk takes calls weekdays from 10 in the morning until 4 in the afternoon.", "backed", "desk-hours"),
    ("trial-a-whole-month-is-a-month", "landing", "Join Paddle Club free for a whole month.", "over-promised", "paddle-club-trial"),
    ("trial-two-full-weeks-are-two-weeks", "landing", "Join Paddle Club free for two full weeks.", "backed", "paddle-club-trial"),
    ("price-from-an-amount-is-the-lowest-it-costs", "landing", "Wetsuits from £4 a day.", "over-promised", "wetsuit-hire"),
    ("price-from-the-entrys-amount", "landing", "Wetsuits from £6 a day.", "backed", "wetsuit-hire"),
    ("reply-the-reader-hears-back", "landing", "Sent us a booking question? You'll hear back within 2 days.", "backed", "booking-reply"),
    ("reply-the-reader-hears-back-sooner", "landing", "Sent us a booking question? You'll hear back within 2 hours.", "over-promised", "booking-reply"),
    ("phrase-an-absolute-of-another-entry-stated-with-it", "landing", "Every hire includes unlimited launches, and every board in our fleet is under 2 years old.", "backed", "board-age"),
    ("free-a-price-finding-that-says-free", "landing", "First lesson free for new paddlers.", "backed", "free-lessons"),
]


# cells judged against the sixth fixture registry, tests/fixtures/promises/emberline.yaml (boiler cover:
# how a value is read: fractions, "instantly", a whole first month, bare hours, two values on one page, an average)
EMBERLINE_CELLS = [
    ("discount-a-fifth-is-twenty-percent", "landing", "Cover your holiday cottage too and save a fifth on its plan.",
     "over-promised", "second-home-discount"),
    ("discount-a-tenth-is-ten-percent", "landing", "Cover your holiday cottage too and save a tenth on its plan.",
     "backed", "second-home-discount"),
    ("reply-instantly-is-no-time-at-all", "in-app", "Engineer didn't turn up? Tell us and we'll credit your account instantly.",
     "over-promised", "missed-visit-credit"),
    ("reply-instantly-needs-our-commitment", "in-app", "Top up your account instantly in the app.", None, None),
    ("delivery-from-one-weekday-to-a-later-one", "email",
     "Your engineer calls on Friday. The written report will be sent to you by Tuesday.", "over-promised", "visit-report"),
    ("delivery-from-one-weekday-to-a-later-one-backed", "email",
     "Your engineer calls on Friday. The written report will be sent to you by Wednesday.", "backed", "visit-report"),
    ("delivery-two-weekdays-no-one-commits-to", "email",
     "We met you on Monday and talked the plans through again on Wednesday.", None, None),
    ("trial-your-whole-first-month-is-a-month", "onboarding", "Get Smart premium free for your whole first month.",
     "over-promised", "smart-trial"),
    ("trial-the-first-week-is-a-week", "onboarding", "Get Smart premium free for the first week.", "backed", "smart-trial"),
    ("hours-a-bare-working-day-is-9am-to-5pm", "landing", "Cover questions? Call us 9–5 weekdays.", "backed", "phone-hours"),
    ("hours-a-bare-working-day-longer-is-over", "landing", "Cover questions? Call us 8-6, Monday to Friday.", "over-promised", "phone-hours"),
    ("hours-a-bare-working-day-on-a-channel-refused", "sms", "Cover questions? Call us 9–5 weekdays.", "over-promised", "phone-hours"),
    ("refund-two-windows-in-one-copy-are-inconsistent", "landing",
     "Unused parts can be returned within 30 days.\n\nChanged your mind? Parts returns are accepted for 14 days from delivery.",
     "inconsistent", "parts-returns"),
    ("outcome-an-average-promised-to-the-reader", "landing", "Fit a smart thermostat with us and cut your heating bill by £90.",
     "over-promised", "bill-savings"),
    ("outcome-an-average-said-as-one", "landing", "Customers who fitted a smart thermostat cut their heating bill by an average of £90.",
     "backed", "bill-savings"),
    ("refund-one-window-said-twice-is-backed", "landing",
     "Unused parts can be returned within 30 days.\n\nChanged your mind? Parts returns are accepted for 30 days from delivery.",
     "backed", "parts-returns"),
]


# cells judged against the seventh fixture registry, tests/fixtures/promises/kiln.yaml (pottery supplies: hours
# entries each for a service of its own; a bare "free of charge")
KILN_CELLS = [
    ("hours-no-general-entry-the-one-sharing-a-word", "landing", "Glaze questions? Our advisers are on the phones 9am-8pm, Monday to Friday.",
     "over-promised", "studio-desk"),
    ("hours-no-general-entry-the-one-sharing-a-word-within", "landing", "Glaze questions? Our advisers are on the phones 11am-5pm, Monday to Friday.",
     "backed", "studio-desk"),
    ("free-of-charge-frees-the-act-before-it", "sms", "Your clay order has been packed and will be delivered free of charge.",
     "backed", "clay-delivery-free"),
    ("discount-credit-to-spend-is-money-off", "email", "Refer a fellow potter and you'll both get £15 credit.", "over-promised", "referral-credit"),
    ("discount-credit-to-spend-within", "email", "Refer a fellow potter and get £10 account credit.", "backed", "referral-credit"),
    ("discount-a-share-of-credit-is-no-money-off", "email", "Miss our dispatch date and you get 10% credit.", None, None),
    ("guarantee-a-price-beaten-is-beyond-one-matched", "landing", "Found it cheaper? We'll beat any UK pottery supplier's price by 5%.",
     "over-promised", "price-promise"),
]


# cells judged against the eighth fixture registry, tests/fixtures/promises/slate.yaml (a roofer: what an entry backs,
# written another way)
SLATE_CELLS = [
    ("trial-paying-nothing-on-cancelling-is-its-term", "email", "Roof Care starts with a 30-day free trial. Cancel in time and you pay nothing.",
     "backed", "roof-care-trial"),
    ("trial-paying-nothing-on-cancelling-is-its-term-over", "email",
     "Roof Care starts with a 60-day free trial. Cancel in time and you pay nothing.", "over-promised", "roof-care-trial"),
]


TILL_CELLS = [
    ("currency-rand-by-its-sign", "landing", "Phone screen repair from just R899.", "backed", "screen-repair"),
    ("currency-rand-below-its-entry", "landing", "Phone screen repair from just R699.", "over-promised", "screen-repair"),
    ("currency-sign-against-code", "landing", "Phone battery swap from just R399.", "over-promised", "battery-swap"),
    ("currency-bare-dollar-against-a-named-one", "landing", "Courier for New Zealand orders from just $15.", "backed", "nz-courier"),
    ("currency-shared-sign-against-code", "landing", "Charger kit from just 249 kr.", "over-promised", "charger-kit"),
]


# cells judged against the tenth fixture registry, tests/fixtures/promises/weir.yaml (which of several entries of one
# kind the copy is about: the service an entry's scope names, and an id's number naming nothing)
WEIR_CELLS = [
    ("scope-the-service-it-names-decides-an-uptime", "landing", "Rented vending machines come with 99% uptime.",
     "over-promised", "fleet-uptime"),
    ("scope-the-service-it-names-backs-an-uptime", "landing", "Rented vending machines come with 95% uptime.", "backed", "fleet-uptime"),
    ("scope-the-service-it-names-decides-a-discount", "sms", "Text offer: 15% off one regular-priced snack item at the counter.",
     "over-promised", "app-voucher"),
    ("scope-the-service-it-names-backs-a-discount", "in-app", "Text offer: 15% off one regular-priced snack item at the counter.",
     "backed", "app-voucher"),
    ("hours-an-ids-number-names-no-service", "landing", "Need help with your account? Our support team is here 24/7.",
     "over-promised", "support-hours"),
    ("hours-an-ids-number-names-no-service-days", "landing", "Our support team answers calls 9am-5pm, 7 days a week.",
     "over-promised", "support-hours"),
    ("hours-the-service-of-its-own-named", "landing", "Your alarm is watched by our monitoring centre 24/7.", "backed", "monitoring-24-7"),
    # an outcome or uptime stated as certain claims all of what an entry backs a share of
    ("outcome-an-absolute-claims-all-of-a-share", "landing", "Every machine is restocked on the day we agreed.",
     "over-promised", "restock-outcome"),
    ("outcome-the-share-itself-is-backed", "landing", "96% of machines were restocked on the agreed day in 2026.", "backed", "restock-outcome"),
    ("outcome-an-absolute-turned-by-not-claims-nothing", "landing", "Not every machine is restocked on the agreed day.",
     "backed", "restock-outcome"),
    ("uptime-never-down-is-all-the-time", "landing", "Our ordering app never goes down.", "over-promised", "portal-uptime"),
    ("uptime-an-absolute-turned-by-a-typographic-nt-claims-nothing", "landing", "Our ordering app isn’t always online.", None, None),
]

# cells judged against the twelfth fixture registry, tests/fixtures/promises/quay.yaml (a salon's guarantees: a
# guarantee's condition ("if …") and pay-out ("… is on us", "we'll credit it back") in the copy's own words)
QUAY_CELLS = [
    ("guarantee-its-pay-out-after-its-condition", "landing", "Not happy with your cut? If it isn't right, the redo is on us.",
     "backed", "qy-redo-guarantee"),
    ("guarantee-a-longer-time-in-its-condition", "landing", "Not happy with your cut? If it needs fixing within 30 days, the redo is on us.",
     "over-promised", "qy-redo-guarantee"),
    ("guarantee-a-pay-out-naming-no-guarantee", "landing", "If you simply don't love your visit, your fee is on us.", "unbacked", None),
    ("guarantee-a-condition-it-does-not-state", "landing", "Storm refunds: if your stylist runs late, the refund is on us.",
     "over-promised", "qy-storm-guarantee"),
    ("guarantee-ever-in-its-condition", "landing",
     "If you ever arrive for a booking and there's no chair free, we'll credit that visit's fee back.", "backed", "qy-chair-guarantee"),
]

# cells judged against the thirteenth fixture registry, tests/fixtures/promises/fernbank.yaml (a garden centre: which
# of several discount entries the copy is about, when the one it names says nothing about its value)
FERNBANK_CELLS = [
    ("channel-refused-though-another-entry-is-named", "landing", "Sign up to our newsletter and take 10% off your first workshop booking.",
     "over-promised", "welcome-code"),
    ("channel-refused-though-another-entry-is-named-allowed", "email", "Sign up to our newsletter and take 10% off your first workshop booking.",
     "backed", "welcome-code"),
    # a day said as the day itself: after what comes in its clause, or after our commitment ("we'll")
    ("day-today-after-what-comes", "landing", "Order by noon and our van drops your seed kit at your door today.",
     "over-promised", "kit-delivery"),
    ("day-tomorrow-after-our-commitment", "landing", "Book a lawn visit before 10am and we'll have a gardener round tomorrow.",
     "over-promised", "lawn-care-visit"),
    ("day-of-a-status-is-no-time", "push", "Your seed kit is out for delivery today.", None, None),
    ("day-the-reader-acts-on-is-no-time", "landing", "Order your seed kit today.", None, None),
]

# cells judged against the fourteenth fixture registry, tests/fixtures/promises/hollin.yaml (a dog-grooming salon: whose
# hours copy states)
HOLLIN_CELLS = [
    # a self-service system's round-the-clock hours ("not live support", "self-serve") back no hours of our people
    ("hours-of-our-people-beyond-a-self-service-entry", "landing", "Our team answers the phones 8am to 9pm, seven days a week.",
     "over-promised", "salon-line"),
    ("hours-of-our-people-within-their-own-entry", "landing", "Our team answers the phones 10am to 5pm, Monday to Saturday.",
     "backed", "salon-line"),
    ("hours-of-the-self-service-it-names", "landing", "Book or move a grooming slot online 24/7.", "backed", "online-booking"),
    # a staffed entry that only says what it is not ("sales enquiries, not support") is no self-service system
    ("hours-of-a-line-that-is-not-support", "landing", "Our team takes calls 8am to 8pm, Monday to Friday.",
     "backed", "second-desk"),
    # an amount is what something costs: a free entry ("free rebooking") says nothing about it
    ("price-an-amount-is-no-free-entrys", "landing", "Grooming appointments from £20.", "unbacked", None),
    ("price-an-amount-judged-by-the-priced-entry", "landing", "Bath and brush appointments from £20.", "over-promised", "bath-price"),
]


@pytest.fixture(scope="module")
def ruleset():
    return default_ruleset()


CELL_TABLES = (
    ("kinds.yaml", CELLS),
    ("readings.yaml", READING_CELLS),
    ("pantry.yaml", PANTRY_CELLS),
    ("keyline.yaml", KEYLINE_CELLS),
    ("tidewater.yaml", TIDEWATER_CELLS),
    ("emberline.yaml", EMBERLINE_CELLS),
    ("kiln.yaml", KILN_CELLS),
    ("slate.yaml", SLATE_CELLS),
    ("till.yaml", TILL_CELLS),
    ("weir.yaml", WEIR_CELLS),
    ("quay.yaml", QUAY_CELLS),
    ("fernbank.yaml", FERNBANK_CELLS),
    ("hollin.yaml", HOLLIN_CELLS),
)
"""Each fixture registry under tests/fixtures/promises and the cells judged against it."""

SECOND_RECORD = {"guarantee-a-time-it-does-not-state": "backed", "rank-a-second-superlative-is-its-own": "unbacked",
                 "guarantee-a-longer-time-in-its-condition": "backed"}
"""Cells whose sentence holds a second record, with that record's status: the guarantee is backed,
the time it adds is not. Every other cell's sentence has one verdict."""


@pytest.fixture(scope="module")
def registries():
    return {name: load_registry(str(FIXTURES / "promises" / name)) for name, _ in CELL_TABLES}


@pytest.fixture(scope="module")
def registry(registries):
    return registries["kinds.yaml"]


@pytest.fixture(scope="module")
def pantry(registries):
    return registries["pantry.yaml"]


def assessed(registry, ruleset, text, channel):
    check = PromiseCheck(registry, TODAY)
    doc = read_snippet("t.md", text, channel)
    check.apply(doc, run_document(doc, ruleset))
    return check.assessments


@pytest.mark.parametrize(
    ("fixture", "cell", "channel", "text", "status", "entry"),
    [(name, *cell) for name, cells in CELL_TABLES for cell in cells],
    ids=[cell[0] for _, cells in CELL_TABLES for cell in cells],
)
def test_cell(registries, ruleset, fixture, cell, channel, text, status, entry):
    found = [(a.status, a.entry.id if a.entry else None) for a in assessed(registries[fixture], ruleset, text, channel)]
    if status is None:  # no promise at all
        assert found == [], found
        return
    assert (status, entry) in found, found
    assert {s for s, _ in found} == {status, SECOND_RECORD.get(cell, status)}, found  # one sentence, one verdict


def test_every_cell_of_the_docs_table_has_a_test():
    table = (FIXTURES.parent.parent / "docs" / "registry.md").read_text(encoding="utf-8")
    rows = table.split("<!-- cells -->")[1].split("<!-- /cells -->")[0].splitlines()
    documented = [row.split("|")[1].strip().strip("`") for row in rows if row.startswith("| `")]
    assert sorted(documented) == sorted(cell[0] for _, cells in CELL_TABLES for cell in cells)


def test_a_stated_limit_with_no_entry_is_no_finding_but_one_beyond_its_entry_is(ruleset):
    from cxlint.promises.registry import parse_registry

    empty = parse_registry({"promises": []}, "r.yaml")
    limit = assessed(empty, ruleset, "Phones open 9am–5pm, Monday to Friday.", "landing")
    assert [(a.status, severity_of(a)) for a in limit] == [("unbacked", "info")]


def test_an_unbacked_trial_price_match_or_superlative_is_a_warning(registry, ruleset):
    from cxlint.promises.registry import parse_registry

    empty = parse_registry({"promises": []}, "r.yaml")
    for text in ("Try Plus free for a month.", "Found it cheaper? We'll match the price.", "The best value broadband in the UK."):
        found = assessed(empty, ruleset, text, "landing")
        assert found and all(a.status == "unbacked" and severity_of(a) == "warning" for a in found), text


def test_a_compliance_claim_is_a_warning_but_a_question_about_one_is_no_promise(registry, ruleset):
    claimed = assessed(registry, ruleset, "Our clinic software is HIPAA-compliant.", "landing")
    assert [(a.status, severity_of(a)) for a in claimed] == [("unbacked", "warning")]
    assert assessed(registry, ruleset, "Is your clinic software HIPAA-compliant?", "chatbot") == []


def test_an_imperative_expect_is_no_hedge_but_our_own_expectation_is(registry, ruleset):
    """"Expect a reply within 1 hour" promises it to the reader; "we expect to reply" is our estimate."""
    promised = assessed(registry, ruleset, "Expect a reply from our team within 1 hour.", "email")
    estimated = assessed(registry, ruleset, "We expect to reply to your email within 1 hour.", "email")
    assert [(a.status, severity_of(a)) for a in promised] == [("over-promised", "warning")]
    assert [(a.status, severity_of(a)) for a in estimated] == [("over-promised", "info")]


def test_months_free_for_paying_yearly_are_judged_where_their_condition_keeps_the_linter_quiet(registry, ruleset):
    # the stated condition (paying for the year) qualifies the offer for the linter, but the
    # registry still judges the discount it amounts to: 3 of 12 months is 25%, beyond the entry's 20%
    text = "Choose annual billing to get 3 months free."
    doc = read_snippet("t.md", text, "landing")
    assert not [f for f in run_document(doc, ruleset).findings if f.rule == "CX208"]
    found = [(a.status, a.entry.id if a.entry else None) for a in assessed(registry, ruleset, text, "landing")]
    assert found == [("over-promised", "annual-billing")]


def test_a_hedge_the_entry_states_itself_is_no_hedge(registry, ruleset):
    """"on average" in an outcome the entry states with it is the claim itself: an expired entry still warns."""
    found = assessed(registry, ruleset, "Customers cut their energy bills by 30% on average.", "landing")
    assert [(a.status, a.entry.id, severity_of(a)) for a in found] == [("expired", "energy-savings", "warning")]
    # a hedge the entry does not state still softens a promise beyond it
    softer = assessed(registry, ruleset, "Customers typically cut their energy bills by 30% on average.", "landing")
    assert [(a.status, severity_of(a)) for a in softer] == [("expired", "info")]


def test_a_reply_naming_no_service_is_not_judged_by_an_entry_for_a_service_of_its_own(ruleset):
    """An entry for one service's replies ("build-quote": quotes for custom builds) judges a reply
    promise only where the copy names that service; a plain reply to the reader's message is the chat
    entry's, which may be promised in e-mail."""
    from cxlint.promises.registry import parse_registry

    registry = parse_registry({"promises": [
        {"id": "chat-reply", "kind": "response-time", "value": "4 hours", "evidence": "SLA", "channels": ["email", "chatbot"]},
        {"id": "build-quote", "kind": "response-time", "value": "2 business days", "evidence": "Desk procedure",
         "scope": "written quotes for custom builds"},
    ]}, "r.yaml")
    plain = assessed(registry, ruleset, "Any questions? Hit reply and a specialist will answer within 4 hours.", "email")
    assert [(a.status, a.entry.id) for a in plain] == [("backed", "chat-reply")]
    quote = assessed(registry, ruleset, "Want a custom build quote? Our specialist will answer within 4 hours.", "landing")
    assert [(a.status, a.entry.id) for a in quote] == [("over-promised", "build-quote")]


def test_a_multiple_is_a_promise_only_in_our_voice_and_not_in_a_question(registry, ruleset):
    """"Doubles your conversion rate" promises; "Edge functions are 9x faster" measures; a question asks."""
    measured = assessed(registry, ruleset, "Edge functions are 9x faster on cold starts.", "landing")
    assert all(a.record.findings for a in measured)  # only the linter's own finding, if any, no record of ours
    assert assessed(registry, ruleset, "Could our checkout double your conversion rate?", "landing") == []
    found = assessed(registry, ruleset, "Our new checkout doubles your conversion rate.", "landing")
    assert [(a.status, severity_of(a)) for a in found] == [("unbacked", "warning")]


def test_around_as_being_there_is_no_hedge(pantry, ruleset):
    """"around day and night" is the team being there, not an estimate: over-promised hours stay a warning."""
    check = PromiseCheck(pantry, TODAY)
    doc = read_snippet("t.md", "Our phone helpers are around day and night, every day of the week.", "landing")
    check.apply(doc, run_document(doc, ruleset))
    assert [severity_of(a) for a in check.assessments if a.status == "over-promised"] == ["warning"]


def test_always_open_is_hours_only_about_a_service(pantry, ruleset):
    """"always open" is every hour only where the sentence names a service that opens (a helpline), not a tab kept open."""
    for text, hours in (("Pin a tab to keep your favourite pages always open.", False), ("Our helpline is always open.", True)):
        found = [a.record.kind for a in assessed(pantry, ruleset, text, "landing")]
        assert ("availability" in found) == hours, (text, found)


def test_a_pronoun_before_a_clitic_names_nothing_free(pantry, ruleset):
    """"(And it's free.)" names nothing that is free; "delivery's free" does."""
    assert not [a for a in assessed(pantry, ruleset, "Track every parcel in one place. (And it’s free.)", "landing") if a.record.kind == "price"]
    assert [a for a in assessed(pantry, ruleset, "Delivery’s free this week.", "landing") if a.record.kind == "price"]


def test_around_before_the_days_or_an_edge_is_being_there(registries, ruleset):
    """"around weekdays from 9", "around from 9am": being there, so a promise beyond its entry warns; an
    estimate puts "around" after the edge ("from around 9am") and stays info."""
    tidewater = registries["tidewater.yaml"]
    for text, severity in (("Our desk team is around weekdays from 9am until 8pm.", "warning"),
                           ("Our desk team is around from 9am until 8pm on weekdays.", "warning"),
                           ("Our desk team is in from around 9am until 8pm on weekdays.", "info")):
        found = [a for a in assessed(tidewater, ruleset, text, "landing") if a.record.kind == "availability"]
        assert [(a.status, severity_of(a)) for a in found] == [("over-promised", severity)], (text, found)



def test_an_absolute_no_other_entry_states_is_still_added(registries, ruleset):
    """Only an absolute another entry stated in the sentence says is that entry's: "100%" is no entry's."""
    found = [(a.status, a.entry.id if a.entry else None) for a in
             assessed(registries["tidewater.yaml"], ruleset, "Every board in our fleet is under 2 years old, 100% guaranteed.", "landing")]
    assert ("over-promised", "board-age") in found, found
