// Written by a one-off script: classes of 1, 10, 50 and 200 tools shaped like the seed's search_orders,
// for AgentToolBenchmarks (the generator sees real methods).
namespace PatternsGen.Benchmarks.Agents;

public partial class Tools1
{
    /// <summary>Searches orders, variant 0.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search0(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 0;
}

public partial class Tools10
{
    /// <summary>Searches orders, variant 0.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search0(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 0;

    /// <summary>Searches orders, variant 1.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search1(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 1;

    /// <summary>Searches orders, variant 2.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search2(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 2;

    /// <summary>Searches orders, variant 3.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search3(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 3;

    /// <summary>Searches orders, variant 4.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search4(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 4;

    /// <summary>Searches orders, variant 5.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search5(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 5;

    /// <summary>Searches orders, variant 6.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search6(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 6;

    /// <summary>Searches orders, variant 7.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search7(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 7;

    /// <summary>Searches orders, variant 8.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search8(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 8;

    /// <summary>Searches orders, variant 9.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search9(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 9;
}

public partial class Tools50
{
    /// <summary>Searches orders, variant 0.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search0(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 0;

    /// <summary>Searches orders, variant 1.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search1(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 1;

    /// <summary>Searches orders, variant 2.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search2(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 2;

    /// <summary>Searches orders, variant 3.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search3(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 3;

    /// <summary>Searches orders, variant 4.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search4(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 4;

    /// <summary>Searches orders, variant 5.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search5(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 5;

    /// <summary>Searches orders, variant 6.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search6(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 6;

    /// <summary>Searches orders, variant 7.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search7(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 7;

    /// <summary>Searches orders, variant 8.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search8(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 8;

    /// <summary>Searches orders, variant 9.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search9(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 9;

    /// <summary>Searches orders, variant 10.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search10(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 10;

    /// <summary>Searches orders, variant 11.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search11(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 11;

    /// <summary>Searches orders, variant 12.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search12(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 12;

    /// <summary>Searches orders, variant 13.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search13(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 13;

    /// <summary>Searches orders, variant 14.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search14(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 14;

    /// <summary>Searches orders, variant 15.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search15(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 15;

    /// <summary>Searches orders, variant 16.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search16(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 16;

    /// <summary>Searches orders, variant 17.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search17(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 17;

    /// <summary>Searches orders, variant 18.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search18(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 18;

    /// <summary>Searches orders, variant 19.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search19(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 19;

    /// <summary>Searches orders, variant 20.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search20(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 20;

    /// <summary>Searches orders, variant 21.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search21(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 21;

    /// <summary>Searches orders, variant 22.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search22(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 22;

    /// <summary>Searches orders, variant 23.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search23(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 23;

    /// <summary>Searches orders, variant 24.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search24(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 24;

    /// <summary>Searches orders, variant 25.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search25(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 25;

    /// <summary>Searches orders, variant 26.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search26(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 26;

    /// <summary>Searches orders, variant 27.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search27(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 27;

    /// <summary>Searches orders, variant 28.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search28(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 28;

    /// <summary>Searches orders, variant 29.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search29(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 29;

    /// <summary>Searches orders, variant 30.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search30(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 30;

    /// <summary>Searches orders, variant 31.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search31(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 31;

    /// <summary>Searches orders, variant 32.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search32(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 32;

    /// <summary>Searches orders, variant 33.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search33(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 33;

    /// <summary>Searches orders, variant 34.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search34(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 34;

    /// <summary>Searches orders, variant 35.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search35(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 35;

    /// <summary>Searches orders, variant 36.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search36(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 36;

    /// <summary>Searches orders, variant 37.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search37(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 37;

    /// <summary>Searches orders, variant 38.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search38(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 38;

    /// <summary>Searches orders, variant 39.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search39(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 39;

    /// <summary>Searches orders, variant 40.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search40(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 40;

    /// <summary>Searches orders, variant 41.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search41(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 41;

    /// <summary>Searches orders, variant 42.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search42(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 42;

    /// <summary>Searches orders, variant 43.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search43(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 43;

    /// <summary>Searches orders, variant 44.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search44(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 44;

    /// <summary>Searches orders, variant 45.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search45(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 45;

    /// <summary>Searches orders, variant 46.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search46(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 46;

    /// <summary>Searches orders, variant 47.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search47(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 47;

    /// <summary>Searches orders, variant 48.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search48(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 48;

    /// <summary>Searches orders, variant 49.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search49(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 49;
}

public partial class Tools200
{
    /// <summary>Searches orders, variant 0.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search0(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 0;

    /// <summary>Searches orders, variant 1.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search1(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 1;

    /// <summary>Searches orders, variant 2.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search2(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 2;

    /// <summary>Searches orders, variant 3.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search3(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 3;

    /// <summary>Searches orders, variant 4.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search4(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 4;

    /// <summary>Searches orders, variant 5.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search5(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 5;

    /// <summary>Searches orders, variant 6.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search6(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 6;

    /// <summary>Searches orders, variant 7.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search7(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 7;

    /// <summary>Searches orders, variant 8.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search8(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 8;

    /// <summary>Searches orders, variant 9.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search9(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 9;

    /// <summary>Searches orders, variant 10.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search10(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 10;

    /// <summary>Searches orders, variant 11.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search11(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 11;

    /// <summary>Searches orders, variant 12.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search12(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 12;

    /// <summary>Searches orders, variant 13.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search13(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 13;

    /// <summary>Searches orders, variant 14.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search14(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 14;

    /// <summary>Searches orders, variant 15.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search15(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 15;

    /// <summary>Searches orders, variant 16.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search16(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 16;

    /// <summary>Searches orders, variant 17.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search17(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 17;

    /// <summary>Searches orders, variant 18.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search18(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 18;

    /// <summary>Searches orders, variant 19.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search19(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 19;

    /// <summary>Searches orders, variant 20.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search20(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 20;

    /// <summary>Searches orders, variant 21.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search21(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 21;

    /// <summary>Searches orders, variant 22.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search22(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 22;

    /// <summary>Searches orders, variant 23.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search23(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 23;

    /// <summary>Searches orders, variant 24.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search24(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 24;

    /// <summary>Searches orders, variant 25.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search25(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 25;

    /// <summary>Searches orders, variant 26.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search26(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 26;

    /// <summary>Searches orders, variant 27.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search27(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 27;

    /// <summary>Searches orders, variant 28.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search28(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 28;

    /// <summary>Searches orders, variant 29.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search29(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 29;

    /// <summary>Searches orders, variant 30.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search30(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 30;

    /// <summary>Searches orders, variant 31.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search31(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 31;

    /// <summary>Searches orders, variant 32.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search32(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 32;

    /// <summary>Searches orders, variant 33.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search33(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 33;

    /// <summary>Searches orders, variant 34.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search34(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 34;

    /// <summary>Searches orders, variant 35.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search35(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 35;

    /// <summary>Searches orders, variant 36.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search36(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 36;

    /// <summary>Searches orders, variant 37.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search37(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 37;

    /// <summary>Searches orders, variant 38.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search38(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 38;

    /// <summary>Searches orders, variant 39.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search39(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 39;

    /// <summary>Searches orders, variant 40.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search40(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 40;

    /// <summary>Searches orders, variant 41.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search41(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 41;

    /// <summary>Searches orders, variant 42.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search42(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 42;

    /// <summary>Searches orders, variant 43.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search43(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 43;

    /// <summary>Searches orders, variant 44.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search44(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 44;

    /// <summary>Searches orders, variant 45.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search45(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 45;

    /// <summary>Searches orders, variant 46.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search46(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 46;

    /// <summary>Searches orders, variant 47.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search47(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 47;

    /// <summary>Searches orders, variant 48.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search48(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 48;

    /// <summary>Searches orders, variant 49.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search49(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 49;

    /// <summary>Searches orders, variant 50.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search50(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 50;

    /// <summary>Searches orders, variant 51.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search51(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 51;

    /// <summary>Searches orders, variant 52.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search52(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 52;

    /// <summary>Searches orders, variant 53.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search53(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 53;

    /// <summary>Searches orders, variant 54.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search54(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 54;

    /// <summary>Searches orders, variant 55.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search55(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 55;

    /// <summary>Searches orders, variant 56.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search56(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 56;

    /// <summary>Searches orders, variant 57.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search57(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 57;

    /// <summary>Searches orders, variant 58.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search58(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 58;

    /// <summary>Searches orders, variant 59.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search59(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 59;

    /// <summary>Searches orders, variant 60.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search60(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 60;

    /// <summary>Searches orders, variant 61.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search61(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 61;

    /// <summary>Searches orders, variant 62.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search62(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 62;

    /// <summary>Searches orders, variant 63.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search63(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 63;

    /// <summary>Searches orders, variant 64.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search64(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 64;

    /// <summary>Searches orders, variant 65.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search65(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 65;

    /// <summary>Searches orders, variant 66.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search66(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 66;

    /// <summary>Searches orders, variant 67.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search67(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 67;

    /// <summary>Searches orders, variant 68.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search68(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 68;

    /// <summary>Searches orders, variant 69.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search69(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 69;

    /// <summary>Searches orders, variant 70.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search70(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 70;

    /// <summary>Searches orders, variant 71.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search71(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 71;

    /// <summary>Searches orders, variant 72.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search72(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 72;

    /// <summary>Searches orders, variant 73.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search73(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 73;

    /// <summary>Searches orders, variant 74.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search74(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 74;

    /// <summary>Searches orders, variant 75.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search75(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 75;

    /// <summary>Searches orders, variant 76.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search76(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 76;

    /// <summary>Searches orders, variant 77.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search77(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 77;

    /// <summary>Searches orders, variant 78.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search78(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 78;

    /// <summary>Searches orders, variant 79.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search79(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 79;

    /// <summary>Searches orders, variant 80.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search80(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 80;

    /// <summary>Searches orders, variant 81.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search81(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 81;

    /// <summary>Searches orders, variant 82.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search82(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 82;

    /// <summary>Searches orders, variant 83.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search83(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 83;

    /// <summary>Searches orders, variant 84.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search84(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 84;

    /// <summary>Searches orders, variant 85.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search85(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 85;

    /// <summary>Searches orders, variant 86.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search86(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 86;

    /// <summary>Searches orders, variant 87.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search87(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 87;

    /// <summary>Searches orders, variant 88.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search88(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 88;

    /// <summary>Searches orders, variant 89.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search89(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 89;

    /// <summary>Searches orders, variant 90.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search90(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 90;

    /// <summary>Searches orders, variant 91.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search91(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 91;

    /// <summary>Searches orders, variant 92.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search92(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 92;

    /// <summary>Searches orders, variant 93.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search93(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 93;

    /// <summary>Searches orders, variant 94.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search94(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 94;

    /// <summary>Searches orders, variant 95.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search95(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 95;

    /// <summary>Searches orders, variant 96.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search96(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 96;

    /// <summary>Searches orders, variant 97.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search97(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 97;

    /// <summary>Searches orders, variant 98.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search98(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 98;

    /// <summary>Searches orders, variant 99.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search99(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 99;

    /// <summary>Searches orders, variant 100.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search100(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 100;

    /// <summary>Searches orders, variant 101.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search101(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 101;

    /// <summary>Searches orders, variant 102.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search102(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 102;

    /// <summary>Searches orders, variant 103.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search103(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 103;

    /// <summary>Searches orders, variant 104.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search104(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 104;

    /// <summary>Searches orders, variant 105.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search105(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 105;

    /// <summary>Searches orders, variant 106.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search106(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 106;

    /// <summary>Searches orders, variant 107.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search107(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 107;

    /// <summary>Searches orders, variant 108.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search108(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 108;

    /// <summary>Searches orders, variant 109.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search109(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 109;

    /// <summary>Searches orders, variant 110.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search110(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 110;

    /// <summary>Searches orders, variant 111.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search111(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 111;

    /// <summary>Searches orders, variant 112.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search112(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 112;

    /// <summary>Searches orders, variant 113.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search113(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 113;

    /// <summary>Searches orders, variant 114.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search114(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 114;

    /// <summary>Searches orders, variant 115.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search115(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 115;

    /// <summary>Searches orders, variant 116.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search116(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 116;

    /// <summary>Searches orders, variant 117.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search117(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 117;

    /// <summary>Searches orders, variant 118.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search118(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 118;

    /// <summary>Searches orders, variant 119.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search119(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 119;

    /// <summary>Searches orders, variant 120.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search120(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 120;

    /// <summary>Searches orders, variant 121.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search121(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 121;

    /// <summary>Searches orders, variant 122.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search122(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 122;

    /// <summary>Searches orders, variant 123.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search123(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 123;

    /// <summary>Searches orders, variant 124.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search124(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 124;

    /// <summary>Searches orders, variant 125.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search125(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 125;

    /// <summary>Searches orders, variant 126.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search126(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 126;

    /// <summary>Searches orders, variant 127.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search127(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 127;

    /// <summary>Searches orders, variant 128.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search128(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 128;

    /// <summary>Searches orders, variant 129.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search129(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 129;

    /// <summary>Searches orders, variant 130.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search130(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 130;

    /// <summary>Searches orders, variant 131.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search131(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 131;

    /// <summary>Searches orders, variant 132.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search132(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 132;

    /// <summary>Searches orders, variant 133.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search133(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 133;

    /// <summary>Searches orders, variant 134.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search134(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 134;

    /// <summary>Searches orders, variant 135.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search135(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 135;

    /// <summary>Searches orders, variant 136.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search136(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 136;

    /// <summary>Searches orders, variant 137.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search137(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 137;

    /// <summary>Searches orders, variant 138.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search138(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 138;

    /// <summary>Searches orders, variant 139.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search139(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 139;

    /// <summary>Searches orders, variant 140.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search140(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 140;

    /// <summary>Searches orders, variant 141.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search141(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 141;

    /// <summary>Searches orders, variant 142.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search142(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 142;

    /// <summary>Searches orders, variant 143.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search143(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 143;

    /// <summary>Searches orders, variant 144.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search144(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 144;

    /// <summary>Searches orders, variant 145.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search145(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 145;

    /// <summary>Searches orders, variant 146.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search146(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 146;

    /// <summary>Searches orders, variant 147.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search147(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 147;

    /// <summary>Searches orders, variant 148.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search148(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 148;

    /// <summary>Searches orders, variant 149.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search149(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 149;

    /// <summary>Searches orders, variant 150.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search150(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 150;

    /// <summary>Searches orders, variant 151.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search151(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 151;

    /// <summary>Searches orders, variant 152.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search152(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 152;

    /// <summary>Searches orders, variant 153.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search153(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 153;

    /// <summary>Searches orders, variant 154.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search154(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 154;

    /// <summary>Searches orders, variant 155.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search155(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 155;

    /// <summary>Searches orders, variant 156.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search156(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 156;

    /// <summary>Searches orders, variant 157.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search157(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 157;

    /// <summary>Searches orders, variant 158.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search158(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 158;

    /// <summary>Searches orders, variant 159.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search159(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 159;

    /// <summary>Searches orders, variant 160.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search160(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 160;

    /// <summary>Searches orders, variant 161.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search161(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 161;

    /// <summary>Searches orders, variant 162.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search162(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 162;

    /// <summary>Searches orders, variant 163.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search163(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 163;

    /// <summary>Searches orders, variant 164.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search164(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 164;

    /// <summary>Searches orders, variant 165.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search165(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 165;

    /// <summary>Searches orders, variant 166.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search166(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 166;

    /// <summary>Searches orders, variant 167.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search167(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 167;

    /// <summary>Searches orders, variant 168.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search168(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 168;

    /// <summary>Searches orders, variant 169.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search169(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 169;

    /// <summary>Searches orders, variant 170.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search170(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 170;

    /// <summary>Searches orders, variant 171.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search171(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 171;

    /// <summary>Searches orders, variant 172.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search172(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 172;

    /// <summary>Searches orders, variant 173.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search173(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 173;

    /// <summary>Searches orders, variant 174.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search174(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 174;

    /// <summary>Searches orders, variant 175.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search175(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 175;

    /// <summary>Searches orders, variant 176.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search176(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 176;

    /// <summary>Searches orders, variant 177.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search177(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 177;

    /// <summary>Searches orders, variant 178.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search178(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 178;

    /// <summary>Searches orders, variant 179.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search179(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 179;

    /// <summary>Searches orders, variant 180.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search180(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 180;

    /// <summary>Searches orders, variant 181.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search181(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 181;

    /// <summary>Searches orders, variant 182.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search182(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 182;

    /// <summary>Searches orders, variant 183.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search183(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 183;

    /// <summary>Searches orders, variant 184.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search184(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 184;

    /// <summary>Searches orders, variant 185.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search185(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 185;

    /// <summary>Searches orders, variant 186.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search186(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 186;

    /// <summary>Searches orders, variant 187.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search187(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 187;

    /// <summary>Searches orders, variant 188.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search188(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 188;

    /// <summary>Searches orders, variant 189.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search189(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 189;

    /// <summary>Searches orders, variant 190.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search190(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 190;

    /// <summary>Searches orders, variant 191.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search191(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 191;

    /// <summary>Searches orders, variant 192.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search192(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 192;

    /// <summary>Searches orders, variant 193.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search193(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 193;

    /// <summary>Searches orders, variant 194.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search194(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 194;

    /// <summary>Searches orders, variant 195.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search195(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 195;

    /// <summary>Searches orders, variant 196.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search196(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 196;

    /// <summary>Searches orders, variant 197.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search197(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 197;

    /// <summary>Searches orders, variant 198.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search198(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 198;

    /// <summary>Searches orders, variant 199.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool] public int Search199(string customer, BenchStatus status = BenchStatus.Open, int limit = 10) => limit + 199;
}
