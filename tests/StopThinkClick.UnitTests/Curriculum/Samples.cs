namespace StopThinkClick.UnitTests.Curriculum;

/// <summary>Small valid content files; each checker test breaks exactly one thing in one of them.</summary>
public static class Samples
{
    public static readonly IReadOnlySet<string> Pictures = new HashSet<string> { "padlock", "girl-dark", "man-dark", "ninja", "game-controller" };

    public const string Lesson = """
        ---
        kind: lesson
        title: Strong passwords
        band: Y3
        strands: [privacy-and-security]
        risks: [conduct]
        quiz: y3-passwords-quiz
        objectives:
          - I can keep my password secret.
        ---

        ## Step: What is a password?
        ![A closed padlock](padlock)

        A password is like a key.

        ## Step: Keep it secret
        Your password is just for you.

        ## Step: Who can help?
        Tell your teacher if someone knows it.

        ## Teacher notes
        Ask the class where they use passwords.

        ## Home note
        We learned to keep passwords secret.
        """;

    public const string Quiz = """
        ---
        kind: quiz
        title: Password check
        band: Y3
        ---

        ## Question: Which password is strongest?
        type: choose-one

        - [ ] dog
          Feedback: Short words are easy to guess.
        - [x] PurpleTigerTeacup
          Feedback: Yes! Three random words are strong.

        ## Question: Tell a friend your password.
        type: true-false

        - [ ] True
          Feedback: Keep it just for you.
        - [x] False
          Feedback: That's right.

        ## Question: Who could you tell?
        type: who-to-tell

        - [x] My teacher
          Feedback: Yes, your teacher can help.
        - [ ] A stranger in a game
          Feedback: Tell a grown-up you trust instead.
        """;

    public const string Scenario = """
        ---
        kind: scenario
        title: Free gems
        band: Y4
        strands: [online-relationships]
        risks: [contact]
        topic: grooming
        setting: game-chat
        start: lobby
        characters:
          - name: Amara
            picture: girl-dark
          - name: GemKing
            picture: ninja
          - name: Dad
            picture: man-dark
        ---

        ## Scene: lobby
        Amara is building a castle.

        > GemKing: Want free gems?

        - [risky] Say yes → offer
          Feedback: Free gifts can be a trick.
          Think: Who is GemKing?
        - [safe] Tell Dad → tell-dad
          Feedback: Great thinking.

        ## Stop and think: offer
        > GemKing: Send me your password.

        - [safe] Go back → lobby
          Feedback: Good idea.
        - [safe] Tell Dad → tell-dad
          Feedback: Yes!

        ## Scene: tell-dad
        > Dad: Thank you for telling me.

        - [safe] Block GemKing → blocked
          Feedback: Blocking stops the messages.

        ## Ending: blocked
        Amara and Dad block GemKing.

        Trusted adult: Dad
        """;

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text) =>
        file.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
